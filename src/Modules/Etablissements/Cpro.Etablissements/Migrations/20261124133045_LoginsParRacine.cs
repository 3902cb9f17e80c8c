using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cpro.Etablissements.Migrations
{
    /// <inheritdoc />
    internal partial class LoginsParRacine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A new account's login is « base », else « base2 », « base3 »…: one lookup by root finds every one taken
            // (Comptes.PrisAsync uses this very expression). EF cannot model an expression index.
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Utilisateurs_RacineLogin" ON etablissements."Utilisateurs" (regexp_replace("Identifiants_Login", '[0-9]+$', ''));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX etablissements."IX_Utilisateurs_RacineLogin";""");
        }
    }
}
