using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cpro.Periodes.Migrations
{
    /// <inheritdoc />
    internal partial class PeriodesAnnexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "periodes");

            migrationBuilder.CreateTable(
                name: "Annexes",
                schema: "periodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EtablissementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Referentiel = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    NiveauClasse = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Titre = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PourApprentis = table.Column<bool>(type: "boolean", nullable: false),
                    Objectifs = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    Activites = table.Column<List<string>>(type: "text[]", nullable: false),
                    Taches = table.Column<List<string>>(type: "text[]", nullable: false),
                    AuteurId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuteurNom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreeLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ModifieLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Annexes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PeriodesEntreprise",
                schema: "periodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EtablissementId = table.Column<Guid>(type: "uuid", nullable: false),
                    AnnexeId = table.Column<Guid>(type: "uuid", nullable: true),
                    Type = table.Column<short>(type: "smallint", nullable: false),
                    Referentiel = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    NiveauClasse = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Titre = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Debut = table.Column<DateOnly>(type: "date", nullable: false),
                    Fin = table.Column<DateOnly>(type: "date", nullable: false),
                    Objectifs = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    Activites = table.Column<List<string>>(type: "text[]", nullable: false),
                    Taches = table.Column<List<string>>(type: "text[]", nullable: false),
                    Referents = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    CreeLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreePar = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeriodesEntreprise", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PeriodesOfficielles",
                schema: "periodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EtablissementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Referentiel = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    NiveauClasse = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AnneeScolaire = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<short>(type: "smallint", nullable: false),
                    Libelle = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Debut = table.Column<DateOnly>(type: "date", nullable: false),
                    Fin = table.Column<DateOnly>(type: "date", nullable: false),
                    ModifieLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ModifiePar = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeriodesOfficielles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Affectations",
                schema: "periodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EtablissementId = table.Column<Guid>(type: "uuid", nullable: false),
                    PeriodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApprenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    EntrepriseNom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EntrepriseSiret = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: true),
                    EntrepriseAdresse = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    TuteurId = table.Column<Guid>(type: "uuid", nullable: true),
                    TuteurNom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TuteurEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    TuteurTelephone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ModifieLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Affectations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Affectations_PeriodesEntreprise_PeriodeId",
                        column: x => x.PeriodeId,
                        principalSchema: "periodes",
                        principalTable: "PeriodesEntreprise",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Affectations_EtablissementId",
                schema: "periodes",
                table: "Affectations",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_Affectations_EtablissementId_ApprenantId",
                schema: "periodes",
                table: "Affectations",
                columns: new[] { "EtablissementId", "ApprenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Affectations_EtablissementId_TuteurId",
                schema: "periodes",
                table: "Affectations",
                columns: new[] { "EtablissementId", "TuteurId" });

            migrationBuilder.CreateIndex(
                name: "IX_Affectations_PeriodeId_ApprenantId",
                schema: "periodes",
                table: "Affectations",
                columns: new[] { "PeriodeId", "ApprenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Annexes_EtablissementId",
                schema: "periodes",
                table: "Annexes",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_Annexes_EtablissementId_Referentiel_NiveauClasse",
                schema: "periodes",
                table: "Annexes",
                columns: new[] { "EtablissementId", "Referentiel", "NiveauClasse" });

            migrationBuilder.CreateIndex(
                name: "IX_PeriodesEntreprise_EtablissementId",
                schema: "periodes",
                table: "PeriodesEntreprise",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_PeriodesOfficielles_EtablissementId",
                schema: "periodes",
                table: "PeriodesOfficielles",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_PeriodesOfficielles_EtablissementId_AnneeScolaire_Referenti~",
                schema: "periodes",
                table: "PeriodesOfficielles",
                columns: new[] { "EtablissementId", "AnneeScolaire", "Referentiel", "NiveauClasse" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Affectations",
                schema: "periodes");

            migrationBuilder.DropTable(
                name: "Annexes",
                schema: "periodes");

            migrationBuilder.DropTable(
                name: "PeriodesOfficielles",
                schema: "periodes");

            migrationBuilder.DropTable(
                name: "PeriodesEntreprise",
                schema: "periodes");
        }
    }
}
