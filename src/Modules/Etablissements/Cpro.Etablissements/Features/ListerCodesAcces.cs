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

/// <summary>« Gestion des accès élèves »: the logins and temporary codes of accounts not yet used, to print or export
/// (CSV) and hand out, by class. A code disappears from the list once its owner has chosen a password. Handing them out is
/// the establishment's administrator's job: the platform administrator, who manages its accounts, does not read them.</summary>
internal static class ListerCodesAcces
{
    public const string Apprenants = "apprenants";
    public const string Personnels = "personnels";

    internal sealed record Query(string Uai, string? Public = null, string? Division = null) : IQuery<IReadOnlyList<AccesDto>>;

    internal sealed record AccesDto(string Login, string Nom, string Prenom, string? Division, IReadOnlyList<string> Profils, string Code);

    internal sealed class Handler(IQuerySession session, ICurrentUser user, CodesProvisoires codes) : IQueryHandler<Query, IReadOnlyList<AccesDto>>
    {
        public async ValueTask<IReadOnlyList<AccesDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var etablissement = await GestionComptes.EtablissementAsync(session, user, query.Uai, cancellationToken);
            if (user.IsPlatformAdmin)
            {
                throw new InterditException("Seul l'administrateur de cet établissement consulte ses mots de passe provisoires.");
            }
            var documents = session.PourEtablissement(etablissement.Id);
            var utilisateurs = documents.Query<Utilisateur>().Where(u => u.Actif && u.CodeProvisoire != null);
            utilisateurs = query.Public switch
            {
                Apprenants => utilisateurs.Where(u => u.Profils.Contains(Profils.Eleve) || u.Profils.Contains(Profils.Apprenti)),
                Personnels => utilisateurs.Where(u => !u.Profils.Contains(Profils.Eleve) && !u.Profils.Contains(Profils.Apprenti)),
                _ => utilisateurs,
            };
            var enAttente = await utilisateurs.ToListAsync(cancellationToken);
            var ids = enAttente.Select(u => (Guid?)u.Id).ToArray();
            var divisions = (await documents.Query<Apprenant>().Where(a => a.UtilisateurId.IsOneOf(ids)).ToListAsync(cancellationToken))
                .ToDictionary(a => a.UtilisateurId!.Value, a => a.Division);
            var lignes = enAttente.Select(u => new { Utilisateur = u, Division = divisions.GetValueOrDefault(u.Id) })
                .Where(l => string.IsNullOrEmpty(query.Division) || l.Division == query.Division)
                .ToList();
            if (lignes.Count == 0)
            {
                return [];
            }
            using var cle = await codes.CleAsync(etablissement.Id, cancellationToken);
            return [.. lignes
                .OrderBy(l => l.Division ?? "\uffff", StringComparer.Ordinal).ThenBy(l => l.Utilisateur.Nom).ThenBy(l => l.Utilisateur.Prenom)
                .Select(l => new AccesDto(l.Utilisateur.Identifiants.Login, l.Utilisateur.Nom, l.Utilisateur.Prenom, l.Division,
                    l.Utilisateur.Profils, cle.Dechiffrer(l.Utilisateur.Id, l.Utilisateur.CodeProvisoire!)))];
        }
    }

    public static byte[] Csv(IReadOnlyList<AccesDto> acces) =>
        Domain.Csv.Write(["Division", "Nom", "Prénom", "Profil", "Identifiant", "Mot de passe provisoire"],
            acces.Select(a => (IReadOnlyList<string?>)[a.Division, a.Nom, a.Prenom, string.Join(", ", a.Profils.Select(Profils.Libelle)), a.Login, a.Code]));

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            app.MapGet("/{uai}/acces", async (string uai, string? @public, string? division, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(uai, @public, division), ct)))
                .WithSummary("Identifiants et mots de passe provisoires des comptes pas encore utilisés (public : apprenants | personnels)");
            app.MapGet("/{uai}/acces.csv", async (string uai, string? @public, string? division, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                {
                    var acces = await mediator.Send(new Query(uai, @public, division), ct);
                    response.Headers.CacheControl = "no-store";
                    return TypedResults.File(Csv(acces), "text/csv; charset=utf-8", $"acces-{Domain.Uai.Normalize(uai)}.csv");
                })
                .WithSummary("Exporter en CSV les identifiants et mots de passe provisoires à distribuer");
        }
    }
}
