using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cpro.Etablissements.Migrations
{
    /// <inheritdoc />
    internal partial class ClesCodesProvisoires : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClesCodesProvisoires",
                schema: "etablissements",
                columns: table => new
                {
                    EtablissementId = table.Column<Guid>(type: "uuid", nullable: false),
                    CleProtegee = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClesCodesProvisoires", x => x.EtablissementId);
                    table.ForeignKey(
                        name: "FK_ClesCodesProvisoires_Etablissements_EtablissementId",
                        column: x => x.EtablissementId,
                        principalSchema: "etablissements",
                        principalTable: "Etablissements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Codes encrypted before this version cannot be read with the new keys: those accounts still sign in with
            // their code; an administrator resets them to print a new one.
            migrationBuilder.Sql("""UPDATE etablissements."Utilisateurs" SET "CodeProvisoire" = NULL WHERE "CodeProvisoire" IS NOT NULL""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClesCodesProvisoires",
                schema: "etablissements");
        }
    }
}
