using Carter;
using Cpro.Etablissements.Domain;
using Cpro.Etablissements.Siecle;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Etablissements.Features;

/// <summary>An import's report as a spreadsheet: what it counted, then each record it rejected or left out, with the
/// person and the rule, for the administrator to correct in SIECLE.</summary>
internal static class ExporterRapportImport
{
    internal sealed record Query(string Uai, Guid ImportId) : IQuery<byte[]>;

    internal sealed class Handler(IQuerySession session, ICurrentUser user) : IQueryHandler<Query, byte[]>
    {
        public async ValueTask<byte[]> Handle(Query query, CancellationToken cancellationToken)
        {
            var etablissement = await AccesEtablissement.AdministrableAsync(session, user, query.Uai, cancellationToken);
            var import = await session.PourEtablissement(etablissement.Id).LoadAsync<ImportSiecle>(query.ImportId, cancellationToken)
                         ?? throw new IntrouvableException("Cet import est introuvable dans l'établissement.");
            return Csv(import.Rapport);
        }
    }

    public static byte[] Csv(RapportImport rapport)
    {
        var lignes = new List<IReadOnlyList<string?>>();
        foreach (var (genre, c) in rapport.Genres())
        {
            lignes.Add([genre, "Bilan", null, null, null,
                $"créés {c.Crees}, mis à jour {c.MisAJour}, désactivés {c.Desactives}, inchangés {c.Inchanges}, rejetés {c.Rejets.Count}, ignorés {c.Ignores.Count}"]);
        }
        foreach (var (genre, c) in rapport.Genres())
        {
            lignes.AddRange(c.Rejets.Select(f => (IReadOnlyList<string?>)[genre, "Rejeté", f.Element, f.Identifiant, f.Nom, f.Motif]));
            lignes.AddRange(c.Ignores.Select(f => (IReadOnlyList<string?>)[genre, "Ignoré", f.Element, f.Identifiant, f.Nom, f.Motif]));
        }
        return Domain.Csv.Write(["Type", "Résultat", "Élément", "Identifiant", "Nom", "Règle"], lignes);
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/{uai}/imports/{id:guid}/rapport.csv", async (string uai, Guid id, IMediator mediator, CancellationToken ct) =>
                    TypedResults.File(await mediator.Send(new Query(uai, id), ct), "text/csv; charset=utf-8",
                        $"rapport-import-{Uai.Normalize(uai)}-{id:N}.csv"))
                .WithSummary("Télécharger le rapport d'un import en CSV (bilan, fiches rejetées et ignorées, avec leur règle)");
    }
}
