using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cpro.Etablissements.Migrations
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "etablissements");

            migrationBuilder.CreateTable(
                name: "AdministrateursPlateforme",
                schema: "etablissements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Identifiants_Login = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Identifiants_MotDePasseHash = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Identifiants_DoitChangerMotDePasse = table.Column<bool>(type: "boolean", nullable: false),
                    Identifiants_EchecsConsecutifs = table.Column<int>(type: "integer", nullable: false),
                    Identifiants_VerrouilleJusqua = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreeLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdministrateursPlateforme", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Etablissements",
                schema: "etablissements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Uai = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Nom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    CreeLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Etablissements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ModuleActivations",
                schema: "etablissements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EtablissementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Module = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Actif = table.Column<bool>(type: "boolean", nullable: false),
                    ModifiePar = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ModifieLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModuleActivations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModuleActivations_Etablissements_EtablissementId",
                        column: x => x.EtablissementId,
                        principalSchema: "etablissements",
                        principalTable: "Etablissements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Utilisateurs",
                schema: "etablissements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EtablissementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Identifiants_Login = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Identifiants_MotDePasseHash = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Identifiants_DoitChangerMotDePasse = table.Column<bool>(type: "boolean", nullable: false),
                    Identifiants_EchecsConsecutifs = table.Column<int>(type: "integer", nullable: false),
                    Identifiants_VerrouilleJusqua = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Nom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Prenom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Profils = table.Column<List<string>>(type: "text[]", nullable: false),
                    Actif = table.Column<bool>(type: "boolean", nullable: false),
                    CreeLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Utilisateurs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Utilisateurs_Etablissements_EtablissementId",
                        column: x => x.EtablissementId,
                        principalSchema: "etablissements",
                        principalTable: "Etablissements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdministrateursPlateforme_Identifiants_Login",
                schema: "etablissements",
                table: "AdministrateursPlateforme",
                column: "Identifiants_Login",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Etablissements_Uai",
                schema: "etablissements",
                table: "Etablissements",
                column: "Uai",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModuleActivations_EtablissementId",
                schema: "etablissements",
                table: "ModuleActivations",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_ModuleActivations_EtablissementId_Module",
                schema: "etablissements",
                table: "ModuleActivations",
                columns: new[] { "EtablissementId", "Module" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Utilisateurs_EtablissementId",
                schema: "etablissements",
                table: "Utilisateurs",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_Utilisateurs_Identifiants_Login",
                schema: "etablissements",
                table: "Utilisateurs",
                column: "Identifiants_Login",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdministrateursPlateforme",
                schema: "etablissements");

            migrationBuilder.DropTable(
                name: "ModuleActivations",
                schema: "etablissements");

            migrationBuilder.DropTable(
                name: "Utilisateurs",
                schema: "etablissements");

            migrationBuilder.DropTable(
                name: "Etablissements",
                schema: "etablissements");
        }
    }
}
