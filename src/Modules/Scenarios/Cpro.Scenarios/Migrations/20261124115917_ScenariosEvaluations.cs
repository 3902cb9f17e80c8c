using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cpro.Scenarios.Migrations
{
    /// <inheritdoc />
    internal partial class ScenariosEvaluations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "scenarios");

            migrationBuilder.CreateTable(
                name: "ParametresSuivi",
                schema: "scenarios",
                columns: table => new
                {
                    EtablissementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Regle = table.Column<short>(type: "smallint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParametresSuivi", x => x.EtablissementId);
                });

            migrationBuilder.CreateTable(
                name: "Scenarios",
                schema: "scenarios",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EtablissementId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuteurId = table.Column<Guid>(type: "uuid", nullable: true),
                    AuteurNom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Referentiel = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    NiveauClasse = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Titre = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CoIntervention = table.Column<bool>(type: "boolean", nullable: false),
                    CoInterventionDiscipline = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CoAuteurs = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    SituationProfessionnelle = table.Column<string>(type: "text", nullable: true),
                    ProblematiqueEtMissions = table.Column<string>(type: "text", nullable: true),
                    MaterielsEtLogiciels = table.Column<string>(type: "text", nullable: true),
                    Liens = table.Column<List<string>>(type: "text[]", nullable: false),
                    EspacesDeFormation = table.Column<string>(type: "text", nullable: true),
                    Activites = table.Column<List<string>>(type: "text[]", nullable: false),
                    Taches = table.Column<List<string>>(type: "text[]", nullable: false),
                    Criteres = table.Column<List<string>>(type: "text[]", nullable: false),
                    CompetencesTransversales = table.Column<List<string>>(type: "text[]", nullable: false),
                    Origine = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CreeLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ModifieLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Scenarios", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Evaluations",
                schema: "scenarios",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EtablissementId = table.Column<Guid>(type: "uuid", nullable: false),
                    ScenarioId = table.Column<Guid>(type: "uuid", nullable: false),
                    Titre = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Referentiel = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    NiveauClasse = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    EnseignantId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnseignantNom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Items = table.Column<List<string>>(type: "text[]", nullable: false),
                    Apprenants = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    CreeLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    VersionGrille = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Evaluations_Scenarios_ScenarioId",
                        column: x => x.ScenarioId,
                        principalSchema: "scenarios",
                        principalTable: "Scenarios",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Ressources",
                schema: "scenarios",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EtablissementId = table.Column<Guid>(type: "uuid", nullable: false),
                    ScenarioId = table.Column<Guid>(type: "uuid", nullable: false),
                    NomFichier = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    TypeContenu = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Taille = table.Column<long>(type: "bigint", nullable: false),
                    AjouteLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AjoutePar = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ressources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ressources_Scenarios_ScenarioId",
                        column: x => x.ScenarioId,
                        principalSchema: "scenarios",
                        principalTable: "Scenarios",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Positionnements",
                schema: "scenarios",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EtablissementId = table.Column<Guid>(type: "uuid", nullable: false),
                    EvaluationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApprenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Item = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Competence = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Niveau = table.Column<short>(type: "smallint", nullable: false),
                    Commentaire = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    VersionGrille = table.Column<int>(type: "integer", nullable: false),
                    ModifieLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ModifiePar = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Positionnements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Positionnements_Evaluations_EvaluationId",
                        column: x => x.EvaluationId,
                        principalSchema: "scenarios",
                        principalTable: "Evaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContenusRessources",
                schema: "scenarios",
                columns: table => new
                {
                    RessourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    EtablissementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Contenu = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContenusRessources", x => x.RessourceId);
                    table.ForeignKey(
                        name: "FK_ContenusRessources_Ressources_RessourceId",
                        column: x => x.RessourceId,
                        principalSchema: "scenarios",
                        principalTable: "Ressources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContenusRessources_EtablissementId",
                schema: "scenarios",
                table: "ContenusRessources",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_EtablissementId",
                schema: "scenarios",
                table: "Evaluations",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_ScenarioId",
                schema: "scenarios",
                table: "Evaluations",
                column: "ScenarioId");

            migrationBuilder.CreateIndex(
                name: "IX_ParametresSuivi_EtablissementId",
                schema: "scenarios",
                table: "ParametresSuivi",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_Positionnements_EtablissementId",
                schema: "scenarios",
                table: "Positionnements",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_Positionnements_EtablissementId_ApprenantId",
                schema: "scenarios",
                table: "Positionnements",
                columns: new[] { "EtablissementId", "ApprenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Positionnements_EvaluationId_ApprenantId_Item",
                schema: "scenarios",
                table: "Positionnements",
                columns: new[] { "EvaluationId", "ApprenantId", "Item" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ressources_EtablissementId",
                schema: "scenarios",
                table: "Ressources",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_Ressources_ScenarioId",
                schema: "scenarios",
                table: "Ressources",
                column: "ScenarioId");

            migrationBuilder.CreateIndex(
                name: "IX_Scenarios_EtablissementId",
                schema: "scenarios",
                table: "Scenarios",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_Scenarios_EtablissementId_Referentiel_NiveauClasse",
                schema: "scenarios",
                table: "Scenarios",
                columns: new[] { "EtablissementId", "Referentiel", "NiveauClasse" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContenusRessources",
                schema: "scenarios");

            migrationBuilder.DropTable(
                name: "ParametresSuivi",
                schema: "scenarios");

            migrationBuilder.DropTable(
                name: "Positionnements",
                schema: "scenarios");

            migrationBuilder.DropTable(
                name: "Ressources",
                schema: "scenarios");

            migrationBuilder.DropTable(
                name: "Evaluations",
                schema: "scenarios");

            migrationBuilder.DropTable(
                name: "Scenarios",
                schema: "scenarios");
        }
    }
}
