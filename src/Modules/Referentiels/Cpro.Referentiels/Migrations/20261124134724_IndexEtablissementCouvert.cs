using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cpro.Referentiels.Migrations
{
    /// <inheritdoc />
    internal partial class IndexEtablissementCouvert : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Abonnements_EtablissementId",
                schema: "referentiels",
                table: "Abonnements");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Abonnements_EtablissementId",
                schema: "referentiels",
                table: "Abonnements",
                column: "EtablissementId");
        }
    }
}
