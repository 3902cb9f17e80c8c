using Carter;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Cpro.Portfolio.Domain;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Portfolio.Features;

/// <summary>A referent or the tutor (maître d'apprentissage) positions the bilan's items on the four degrees, in the mode
/// chosen (compétences générales or détaillée par critères), with a general comment; a referent may say it is re-keyed
/// from the printed form. From the version read (409 naming who saved since); not once finalised.</summary>
internal static class EnregistrerBilan
{
    internal sealed record Command(Guid PeriodeId, Guid ApprenantId, int Version, string? Mode, IReadOnlyDictionary<string, string>? Niveaux, string? Commentaire,
        bool SaisieSurPapier) : ICommand<BilanDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Mode).Must(m => m is BilanEntreprise.ModeCompetences or BilanEntreprise.ModeCriteres)
                .WithMessage("Le mode est « competences » (compétences générales) ou « criteres » (détaillée par critères).");
            RuleForEach(c => c.Niveaux).Must(n => Degres.Valide(n.Value))
                .WithMessage((_, n) => $"Niveau « {n.Value} » invalide pour {n.Key} : 1, 2, 3, 4 ou NE (non évalué).");
            RuleFor(c => c.Commentaire).MaximumLength(ContenuFiche.TexteMax).WithMessage("Le commentaire général compte 4 000 caractères au plus.");
        }
    }

    internal sealed class Handler(IDocumentSession session, ICurrentUser user, IMediator mediator, TimeProvider clock) : ICommandHandler<Command, BilanDto>
    {
        public async ValueTask<BilanDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var suivi = await AccesPortfolio.VerifierAsync(mediator, user, command.PeriodeId, command.ApprenantId, cancellationToken);
            suivi.Encadre();
            if (command.SaisieSurPapier && !suivi.EstReferent)
            {
                throw new InterditException("Seul un professeur référent ressaisit un bilan depuis le formulaire papier.");
            }
            var bilan = await BilanEntreprise.DeAsync(session, suivi, cancellationToken);
            BilanEntreprise.VerifierVersion(bilan, command.Version);
            bilan?.VerifierOuvert();
            var referentiel = await ReferentielPortfolio.ChargerAsync(mediator, suivi.Periode.Referentiel, cancellationToken);
            var maintenant = clock.GetUtcNow();
            bilan ??= new BilanEntreprise { PeriodeId = suivi.Periode.Id, ApprenantId = suivi.Affectation.ApprenantId, ModifiePar = suivi.Nom };
            var items = referentiel.ItemsDuBilan(command.Mode!, bilan.Selection);
            var niveaux = command.Niveaux ?? new Dictionary<string, string>();
            if (niveaux.Keys.Except(items).ToList() is { Count: > 0 } hors)
            {
                throw new NonTraitableException($"Ces items ne sont pas à positionner dans ce bilan : {string.Join(", ", hors)}.");
            }
            bilan.Mode = command.Mode!;
            bilan.Niveaux = niveaux.ToDictionary(n => n.Key, n => n.Value, StringComparer.Ordinal);
            bilan.Commentaire = ContenuFiche.Texte(command.Commentaire);
            // A tutor's save online leaves the teacher's mark as it is.
            bilan.SaisieSurPapier = suivi.EstReferent ? command.SaisieSurPapier : bilan.SaisieSurPapier;
            bilan.ModifieLe = maintenant;
            bilan.ModifiePar = suivi.Nom;
            if (command.Version == 0)
            {
                bilan.Version = 1;
                session.Insert(bilan);
            }
            else
            {
                session.StoreRevision(bilan, command.Version);
            }
            return BilanDto.De(bilan, referentiel);
        }
    }

    internal sealed record Corps(int Version, string? Mode, IReadOnlyDictionary<string, string>? Niveaux, string? Commentaire, bool SaisieSurPapier);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPut("/periodes/{periodeId:guid}/apprenants/{apprenantId:guid}/bilan", async (Guid periodeId, Guid apprenantId, Corps corps, IMediator mediator,
                    CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Command(periodeId, apprenantId, corps.Version, corps.Mode, corps.Niveaux, corps.Commentaire,
                        corps.SaisieSurPapier), ct)))
                .WithSummary("Positionner les items du bilan en entreprise (professeur référent, tuteur ou maître d'apprentissage ; version : celle lue, sinon 409)");
    }
}
