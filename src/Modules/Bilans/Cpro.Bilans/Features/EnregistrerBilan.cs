using Carter;
using Cpro.Bilans.Domain;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Http;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Bilans.Features;

/// <summary>A teacher of the division adjusts a draft: per competence a level on the four degrees (or « NE »; none keeps
/// the computed one) and a comment, and the general appréciation. From the version read (409 naming who saved since);
/// not once finalised. The computed levels and evidence are brought up to date at the same time.</summary>
internal static class EnregistrerBilan
{
    public const int CommentaireMax = 2000;
    public const int AppreciationMax = 4000;

    internal sealed record Saisie(string? Niveau, string? Commentaire);

    internal sealed record Command(Guid Id, int Version, IReadOnlyDictionary<string, Saisie>? Competences, string? Appreciation) : ICommand<BilanDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Competences).Must(c => c is null || c.Count <= 500).WithMessage("500 compétences au plus.");
            RuleForEach(c => c.Competences).Must(s => string.IsNullOrEmpty(s.Value?.Niveau) || Degres.Valide(s.Value.Niveau))
                .WithMessage((_, s) => $"Niveau « {s.Value?.Niveau} » invalide pour {s.Key} : 1, 2, 3, 4 ou NE (non évalué), ou rien pour garder le niveau calculé.")
                .Must(s => (s.Value?.Commentaire?.Length ?? 0) <= CommentaireMax)
                .WithMessage((_, s) => $"Le commentaire de {s.Key} compte {CommentaireMax} caractères au plus.");
            RuleFor(c => c.Appreciation).MaximumLength(AppreciationMax).WithMessage($"L'appréciation générale compte {AppreciationMax} caractères au plus.");
        }
    }

    internal sealed class Handler(IDocumentSession session, ICurrentUser user, IMediator mediator, TimeProvider clock) : ICommandHandler<Command, BilanDto>
    {
        public async ValueTask<BilanDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var (bilan, acces) = await AccesBilans.BilanAsync(session, mediator, user, command.Id, cancellationToken);
            acces.Enseignant();
            bilan.VerifierVersion(command.Version);
            bilan.VerifierBrouillon();
            var saisies = command.Competences ?? new Dictionary<string, Saisie>();
            var codes = bilan.Competences.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
            if (saisies.Keys.Where(k => !codes.Contains(k)).ToList() is { Count: > 0 } hors)
            {
                throw new NonTraitableException($"Ces compétences ne sont pas dans ce bilan : {string.Join(", ", hors)}.");
            }
            foreach (var competence in bilan.Competences)
            {
                var saisie = saisies.GetValueOrDefault(competence.Code);
                competence.Niveau = string.IsNullOrEmpty(saisie?.Niveau) ? null : saisie.Niveau;
                competence.Commentaire = Texte(saisie?.Commentaire);
            }
            bilan.Appreciation = Texte(command.Appreciation);
            await Preuves.ActualiserAsync(mediator, acces.Etablissement, bilan, cancellationToken);
            bilan.ModifieLe = clock.GetUtcNow();
            bilan.ModifiePar = acces.Nom;
            session.StoreRevision(bilan, command.Version);
            return BilanDto.De(bilan, $"{acces.Apprenant.Prenom} {acces.Apprenant.Nom}", acces);
        }

        private static string? Texte(string? texte) => string.IsNullOrWhiteSpace(texte) ? null : texte.Trim().ReplaceLineEndings("\n");
    }

    internal sealed record Corps(int Version, IReadOnlyDictionary<string, Saisie>? Competences, string? Appreciation);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPut("/{id:guid}", async (Guid id, HttpRequest request, IQuerySession session, ICurrentUser user, IMediator mediator, CancellationToken ct) =>
                {
                    (await AccesBilans.BilanAsync(session, mediator, user, id, ct)).Acces.Enseignant();
                    var corps = await CorpsJson.LireAsync<Corps>(request, ct);
                    return TypedResults.Ok(await mediator.Send(new Command(id, corps.Version, corps.Competences, corps.Appreciation), ct));
                })
                .Accepts<Corps>("application/json")
                .WithSummary("Ajuster un bilan en brouillon (enseignant de la division ; version : celle lue, sinon 409) : niveau et commentaire par compétence, appréciation générale");
    }
}
