using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cpro.Etablissements.Migrations
{
    /// <inheritdoc />
    internal partial class IndexEtablissementCouvert : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Structures_EtablissementId",
                schema: "etablissements",
                table: "Structures");

            migrationBuilder.DropIndex(
                name: "IX_Responsables_EtablissementId",
                schema: "etablissements",
                table: "Responsables");

            migrationBuilder.DropIndex(
                name: "IX_Personnels_EtablissementId",
                schema: "etablissements",
                table: "Personnels");

            migrationBuilder.DropIndex(
                name: "IX_ModuleActivations_EtablissementId",
                schema: "etablissements",
                table: "ModuleActivations");

            migrationBuilder.DropIndex(
                name: "IX_Mefs_EtablissementId",
                schema: "etablissements",
                table: "Mefs");

            migrationBuilder.DropIndex(
                name: "IX_ImportsSiecle_EtablissementId",
                schema: "etablissements",
                table: "ImportsSiecle");

            migrationBuilder.DropIndex(
                name: "IX_Apprenants_EtablissementId",
                schema: "etablissements",
                table: "Apprenants");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Structures_EtablissementId",
                schema: "etablissements",
                table: "Structures",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_Responsables_EtablissementId",
                schema: "etablissements",
                table: "Responsables",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_Personnels_EtablissementId",
                schema: "etablissements",
                table: "Personnels",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_ModuleActivations_EtablissementId",
                schema: "etablissements",
                table: "ModuleActivations",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_Mefs_EtablissementId",
                schema: "etablissements",
                table: "Mefs",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportsSiecle_EtablissementId",
                schema: "etablissements",
                table: "ImportsSiecle",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_Apprenants_EtablissementId",
                schema: "etablissements",
                table: "Apprenants",
                column: "EtablissementId");
        }
    }
}
