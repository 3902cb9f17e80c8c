using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cpro.Scenarios.Migrations
{
    /// <inheritdoc />
    internal partial class IndexEtablissementCouvert : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Scenarios_EtablissementId",
                schema: "scenarios",
                table: "Scenarios");

            migrationBuilder.DropIndex(
                name: "IX_Positionnements_EtablissementId",
                schema: "scenarios",
                table: "Positionnements");

            migrationBuilder.DropIndex(
                name: "IX_ParametresSuivi_EtablissementId",
                schema: "scenarios",
                table: "ParametresSuivi");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Scenarios_EtablissementId",
                schema: "scenarios",
                table: "Scenarios",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_Positionnements_EtablissementId",
                schema: "scenarios",
                table: "Positionnements",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_ParametresSuivi_EtablissementId",
                schema: "scenarios",
                table: "ParametresSuivi",
                column: "EtablissementId");
        }
    }
}
