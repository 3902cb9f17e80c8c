using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cpro.Periodes.Migrations
{
    /// <inheritdoc />
    internal partial class IndexEtablissementCouvert : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PeriodesOfficielles_EtablissementId",
                schema: "periodes",
                table: "PeriodesOfficielles");

            migrationBuilder.DropIndex(
                name: "IX_Annexes_EtablissementId",
                schema: "periodes",
                table: "Annexes");

            migrationBuilder.DropIndex(
                name: "IX_Affectations_EtablissementId",
                schema: "periodes",
                table: "Affectations");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_PeriodesOfficielles_EtablissementId",
                schema: "periodes",
                table: "PeriodesOfficielles",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_Annexes_EtablissementId",
                schema: "periodes",
                table: "Annexes",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_Affectations_EtablissementId",
                schema: "periodes",
                table: "Affectations",
                column: "EtablissementId");
        }
    }
}
