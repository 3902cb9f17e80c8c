using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cpro.Periodes.Migrations
{
    /// <inheritdoc />
    internal partial class PeriodesEntrepriseTuteur : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TuteurPrenom",
                schema: "periodes",
                table: "Affectations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TuteurPrenom",
                schema: "periodes",
                table: "Affectations");
        }
    }
}
