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

/// <summary>A referent reviews a submitted fiche: the tasks retained (kept, removed or added among the period's), and the
/// competences or criteria to evaluate, which the learner's bilan en entreprise for the period then holds (every fiche's
/// choice together), in the same unit of work. A finalised bilan is not changed behind its authors: reopen it first.</summary>
internal static class ReviserFiche
{
    internal sealed record Command(Guid PeriodeId, Guid ApprenantId, Guid FicheId, int Version, IReadOnlyList<string>? Taches, IReadOnlyList<string>? Items)
        : ICommand<FicheDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Taches).NotNull().WithMessage("Indiquez les tâches retenues (une liste, éventuellement vide).");
            RuleFor(c => c.Items).NotNull().WithMessage("Indiquez les compétences ou critères à évaluer (une liste, éventuellement vide).");
        }
    }

    internal sealed class Handler(IDocumentSession session, ICurrentUser user, IMediator mediator, TimeProvider clock) : ICommandHandler<Command, FicheDto>
    {
        public async ValueTask<FicheDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var suivi = await AccesPortfolio.VerifierAsync(mediator, user, command.PeriodeId, command.ApprenantId, cancellationToken);
            suivi.Referent();
            var fiche = await AccesPortfolio.FicheAsync(session, suivi, command.FicheId, cancellationToken);
            ContenuFiche.VerifierVersion(fiche, command.Version);
            if (fiche.Statut != StatutFiche.Soumise)
            {
                throw new ConflitException($"La fiche « {fiche.Titre} » n'est pas encore soumise par l'apprenant.");
            }
            var referentiel = await ReferentielPortfolio.ChargerAsync(mediator, suivi.Periode.Referentiel, cancellationToken);
            if (command.Items!.Where(i => !referentiel.Intitules.ContainsKey(i)).ToList() is { Count: > 0 } inconnus)
            {
                throw new NonTraitableException($"Ces compétences ou critères ne sont pas du référentiel {suivi.Periode.Referentiel} : {string.Join(", ", inconnus)}.");
            }
            var maintenant = clock.GetUtcNow();
            fiche.TachesRetenues = ContenuFiche.TachesDeLaPeriode(suivi, command.Taches!);
            fiche.Items = [.. referentiel.Ordonner(command.Items!)];
            fiche.RevueLe = maintenant;
            fiche.RevuePar = suivi.Nom;
            fiche.ModifieLe = maintenant;
            fiche.ModifiePar = suivi.Nom;
            session.StoreRevision(fiche, command.Version);
            await CopierDansLeBilanAsync(suivi, fiche, referentiel, maintenant, cancellationToken);
            var pieces = await PieceJointe.DeAsync(session, [fiche.Id], cancellationToken);
            return FicheDto.De(fiche, pieces[fiche.Id]);
        }

        /// <summary>The bilan's selection becomes every reviewed fiche's items (this one as just reviewed).</summary>
        private async Task CopierDansLeBilanAsync(Suivi suivi, FicheActivite revue, ReferentielPortfolio referentiel, DateTimeOffset maintenant,
            CancellationToken cancellationToken)
        {
            var autres = await session.Query<FicheActivite>()
                .Where(f => f.PeriodeId == suivi.Periode.Id && f.ApprenantId == suivi.Affectation.ApprenantId && f.Id != revue.Id)
                .Select(f => f.Items).ToListAsync(cancellationToken);
            List<string> selection = [.. referentiel.Ordonner(autres.SelectMany(i => i).Concat(revue.Items))];
            var bilan = await BilanEntreprise.DeAsync(session, suivi, cancellationToken);
            if (bilan is null)
            {
                if (selection.Count > 0)
                {
                    session.Insert(new BilanEntreprise
                    {
                        PeriodeId = suivi.Periode.Id, ApprenantId = suivi.Affectation.ApprenantId, Selection = selection, ModifieLe = maintenant,
                        ModifiePar = suivi.Nom, Version = 1,
                    });
                }
                return;
            }
            if (bilan.Selection.SequenceEqual(selection))
            {
                return;
            }
            bilan.VerifierOuvert();
            bilan.Selection = selection;
            bilan.ModifieLe = maintenant;
            bilan.ModifiePar = suivi.Nom;
            session.StoreRevision(bilan, bilan.Version);
        }
    }

    internal sealed record Corps(int Version, IReadOnlyList<string>? Taches, IReadOnlyList<string>? Items);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPut("/periodes/{periodeId:guid}/apprenants/{apprenantId:guid}/fiches/{ficheId:guid}/revue", async (Guid periodeId, Guid apprenantId, Guid ficheId,
                    Corps corps, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Command(periodeId, apprenantId, ficheId, corps.Version, corps.Taches, corps.Items), ct)))
                .WithSummary("Réviser une fiche soumise (professeur référent) : tâches retenues, compétences ou critères à évaluer, copiés dans le bilan en entreprise");
    }
}
