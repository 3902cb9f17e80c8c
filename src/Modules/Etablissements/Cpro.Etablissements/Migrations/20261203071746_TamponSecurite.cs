using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cpro.Etablissements.Migrations
{
    /// <inheritdoc />
    internal partial class TamponSecurite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "Identifiants_TamponSecurite",
                schema: "etablissements",
                table: "Utilisateurs",
                type: "uuid",
                nullable: false,
                defaultValueSql: "gen_random_uuid()");

            migrationBuilder.AddColumn<Guid>(
                name: "Identifiants_TamponSecurite",
                schema: "etablissements",
                table: "AdministrateursPlateforme",
                type: "uuid",
                nullable: false,
                defaultValueSql: "gen_random_uuid()");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Identifiants_TamponSecurite",
                schema: "etablissements",
                table: "Utilisateurs");

            migrationBuilder.DropColumn(
                name: "Identifiants_TamponSecurite",
                schema: "etablissements",
                table: "AdministrateursPlateforme");
        }
    }
}
