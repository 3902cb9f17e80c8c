using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cpro.Referentiels.Migrations
{
    /// <inheritdoc />
    internal partial class Catalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "referentiels");

            migrationBuilder.CreateTable(
                name: "Referentiels",
                schema: "referentiels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Diplome = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Niveau = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Intitule = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    NiveauxDeClasse = table.Column<List<string>>(type: "text[]", nullable: false),
                    Version = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ImporteLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ImportePar = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Contenu = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referentiels", x => x.Id);
                    table.UniqueConstraint("AK_Referentiels_Code", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Abonnements",
                schema: "referentiels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EtablissementId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferentielCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Niveaux = table.Column<string>(type: "jsonb", nullable: false),
                    ModifieLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ModifiePar = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Abonnements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Abonnements_Referentiels_ReferentielCode",
                        column: x => x.ReferentielCode,
                        principalSchema: "referentiels",
                        principalTable: "Referentiels",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Abonnements_EtablissementId",
                schema: "referentiels",
                table: "Abonnements",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_Abonnements_EtablissementId_ReferentielCode",
                schema: "referentiels",
                table: "Abonnements",
                columns: new[] { "EtablissementId", "ReferentielCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Abonnements_ReferentielCode",
                schema: "referentiels",
                table: "Abonnements",
                column: "ReferentielCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Abonnements",
                schema: "referentiels");

            migrationBuilder.DropTable(
                name: "Referentiels",
                schema: "referentiels");
        }
    }
}
