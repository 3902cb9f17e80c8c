using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cpro.Etablissements.Migrations
{
    /// <inheritdoc />
    internal partial class ParametresComptesCourriels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Civilite",
                schema: "etablissements",
                table: "Utilisateurs",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DateNaissance",
                schema: "etablissements",
                table: "Utilisateurs",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                schema: "etablissements",
                table: "Utilisateurs",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<bool>(
                name: "AccesInspecteurAutorise",
                schema: "etablissements",
                table: "Etablissements",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Adresse",
                schema: "etablissements",
                table: "Etablissements",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "TransfertsAutorises",
                schema: "etablissements",
                table: "Etablissements",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                schema: "etablissements",
                table: "Etablissements",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateTable(
                name: "Courriels",
                schema: "etablissements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EtablissementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Destinataire = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Objet = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CorpsChiffre = table.Column<string>(type: "text", nullable: false),
                    CreeLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProchainEssaiLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EnvoyeLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Tentatives = table.Column<int>(type: "integer", nullable: false),
                    DerniereErreur = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Transport = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Courriels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Courriels_Etablissements_EtablissementId",
                        column: x => x.EtablissementId,
                        principalSchema: "etablissements",
                        principalTable: "Etablissements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Logos",
                schema: "etablissements",
                columns: table => new
                {
                    EtablissementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Contenu = table.Column<byte[]>(type: "bytea", nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ModifieLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Logos", x => x.EtablissementId);
                    table.ForeignKey(
                        name: "FK_Logos_Etablissements_EtablissementId",
                        column: x => x.EtablissementId,
                        principalSchema: "etablissements",
                        principalTable: "Etablissements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Courriels_EtablissementId",
                schema: "etablissements",
                table: "Courriels",
                column: "EtablissementId");

            migrationBuilder.CreateIndex(
                name: "IX_Courriels_ProchainEssaiLe",
                schema: "etablissements",
                table: "Courriels",
                column: "ProchainEssaiLe",
                filter: "\"EnvoyeLe\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Courriels",
                schema: "etablissements");

            migrationBuilder.DropTable(
                name: "Logos",
                schema: "etablissements");

            migrationBuilder.DropColumn(
                name: "Civilite",
                schema: "etablissements",
                table: "Utilisateurs");

            migrationBuilder.DropColumn(
                name: "DateNaissance",
                schema: "etablissements",
                table: "Utilisateurs");

            migrationBuilder.DropColumn(
                name: "xmin",
                schema: "etablissements",
                table: "Utilisateurs");

            migrationBuilder.DropColumn(
                name: "AccesInspecteurAutorise",
                schema: "etablissements",
                table: "Etablissements");

            migrationBuilder.DropColumn(
                name: "Adresse",
                schema: "etablissements",
                table: "Etablissements");

            migrationBuilder.DropColumn(
                name: "TransfertsAutorises",
                schema: "etablissements",
                table: "Etablissements");

            migrationBuilder.DropColumn(
                name: "xmin",
                schema: "etablissements",
                table: "Etablissements");
        }
    }
}
