using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cpro.Etablissements.Migrations
{
    /// <inheritdoc />
    internal partial class ImportSiecle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CodeProvisoire",
                schema: "etablissements",
                table: "Utilisateurs",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                schema: "etablissements",
                table: "Utilisateurs",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "Apprenants",
                schema: "etablissements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EtablissementId = table.Column<Guid>(type: "uuid", nullable: false),
                    EleveId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Ine = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    Nom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Prenom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Prenom2 = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DateNaissance = table.Column<DateOnly>(type: "date", nullable: true),
                    Sexe = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    Mef = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    Statut = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Division = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Groupes = table.Column<List<string>>(type: "text[]", nullable: false),
                    DateEntree = table.Column<DateOnly>(type: "date", nullable: true),
                    DateSortie = table.Column<DateOnly>(type: "date", nullable: true),
                    Actif = table.Column<bool>(type: "boolean", nullable: false),
                    UtilisateurId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Apprenants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportsSiecle",
                schema: "etablissements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EtablissementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Par = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Fichiers = table.Column<List<string>>(type: "text[]", nullable: false),
                    Rapport = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportsSiecle", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Mefs",
                schema: "etablissements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EtablissementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    Libelle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mefs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Personnels",
                schema: "etablissements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EtablissementId = table.Column<Guid>(type: "uuid", nullable: false),
                    StsId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Civilite = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Nom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Prenom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DateNaissance = table.Column<DateOnly>(type: "date", nullable: true),
                    Fonction = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Disciplines = table.Column<List<string>>(type: "text[]", nullable: false),
                    Actif = table.Column<bool>(type: "boolean", nullable: false),
                    UtilisateurId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Personnels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Responsables",
                schema: "etablissements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EtablissementId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonneId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Civilite = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Nom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Prenom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Liens = table.Column<List<string>>(type: "text[]", nullable: false),
                    Actif = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Responsables", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Structures",
                schema: "etablissements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EtablissementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Libelle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Appartenances = table.Column<List<string>>(type: "text[]", nullable: false),
                    Services = table.Column<List<string>>(type: "text[]", nullable: false),
                    ProfesseursPrincipaux = table.Column<List<string>>(type: "text[]", nullable: false),
                    Actif = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Structures", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Apprenants_EtablissementId",
                schema: "etablissements",
                table: "Apprenants",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_Apprenants_EtablissementId_EleveId",
                schema: "etablissements",
                table: "Apprenants",
                columns: new[] { "EtablissementId", "EleveId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Apprenants_Ine",
                schema: "etablissements",
                table: "Apprenants",
                column: "Ine");

            migrationBuilder.CreateIndex(
                name: "IX_ImportsSiecle_EtablissementId",
                schema: "etablissements",
                table: "ImportsSiecle",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportsSiecle_EtablissementId_Le",
                schema: "etablissements",
                table: "ImportsSiecle",
                columns: new[] { "EtablissementId", "Le" });

            migrationBuilder.CreateIndex(
                name: "IX_Mefs_EtablissementId",
                schema: "etablissements",
                table: "Mefs",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_Mefs_EtablissementId_Code",
                schema: "etablissements",
                table: "Mefs",
                columns: new[] { "EtablissementId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Personnels_EtablissementId",
                schema: "etablissements",
                table: "Personnels",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_Personnels_EtablissementId_StsId",
                schema: "etablissements",
                table: "Personnels",
                columns: new[] { "EtablissementId", "StsId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Responsables_EtablissementId",
                schema: "etablissements",
                table: "Responsables",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_Responsables_EtablissementId_PersonneId",
                schema: "etablissements",
                table: "Responsables",
                columns: new[] { "EtablissementId", "PersonneId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Structures_EtablissementId",
                schema: "etablissements",
                table: "Structures",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_Structures_EtablissementId_Type_Code",
                schema: "etablissements",
                table: "Structures",
                columns: new[] { "EtablissementId", "Type", "Code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Apprenants",
                schema: "etablissements");

            migrationBuilder.DropTable(
                name: "ImportsSiecle",
                schema: "etablissements");

            migrationBuilder.DropTable(
                name: "Mefs",
                schema: "etablissements");

            migrationBuilder.DropTable(
                name: "Personnels",
                schema: "etablissements");

            migrationBuilder.DropTable(
                name: "Responsables",
                schema: "etablissements");

            migrationBuilder.DropTable(
                name: "Structures",
                schema: "etablissements");

            migrationBuilder.DropColumn(
                name: "CodeProvisoire",
                schema: "etablissements",
                table: "Utilisateurs");

            migrationBuilder.DropColumn(
                name: "Source",
                schema: "etablissements",
                table: "Utilisateurs");
        }
    }
}
