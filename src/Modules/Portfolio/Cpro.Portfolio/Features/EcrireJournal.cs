using Carter;
using Cpro.Kernel.Identity;
using Cpro.Portfolio.Domain;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Portfolio.Features;

/// <summary>The learner writes a journal entry for a day or a week of the period: free text, and the period's tasks it
/// covered if they wish (attachments follow, one request each).</summary>
internal static class EcrireJournal
{
    internal sealed record Command(Guid PeriodeId, Guid ApprenantId, DateOnly? Date, bool Semaine, string? Texte, IReadOnlyList<string>? Taches)
        : ICommand<EntreeJournalDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Date).NotNull().WithMessage("La date (le jour, ou le lundi de la semaine) est obligatoire.");
            RuleFor(c => c.Texte).NotEmpty().WithMessage("Écrivez ce que vous avez fait.")
                .MaximumLength(ContenuFiche.TexteMax).WithMessage("Une entrée compte 4 000 caractères au plus.");
        }
    }

    internal sealed class Handler(IDocumentSession session, ICurrentUser user, IMediator mediator, TimeProvider clock) : ICommandHandler<Command, EntreeJournalDto>
    {
        public async ValueTask<EntreeJournalDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var suivi = await AccesPortfolio.VerifierAsync(mediator, user, command.PeriodeId, command.ApprenantId, cancellationToken);
            suivi.Apprenant();
            ContenuFiche.VerifierDates(suivi, command.Date!.Value, null);
            var entree = new EntreeJournal
            {
                Id = Guid.NewGuid(),
                PeriodeId = command.PeriodeId, ApprenantId = command.ApprenantId, Date = command.Date.Value, Semaine = command.Semaine, Texte = command.Texte!.Trim(),
                Taches = ContenuFiche.TachesDeLaPeriode(suivi, command.Taches ?? []), CreeLe = clock.GetUtcNow(),
            };
            session.Insert(entree);
            Notifications.Notifier(session, suivi, $"{suivi.Nom} a écrit dans son journal de bord ({(entree.Semaine ? "semaine du" : "le")} {entree.Date:dd/MM/yyyy}).",
                $"/portfolio/{entree.PeriodeId}/{entree.ApprenantId}", entree.CreeLe);
            return new EntreeJournalDto(entree.Id, entree.Date, entree.Semaine, entree.Texte, entree.Taches, entree.CreeLe, [], []);
        }
    }

    internal sealed record Corps(DateOnly? Date, bool Semaine, string? Texte, IReadOnlyList<string>? Taches);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/periodes/{periodeId:guid}/apprenants/{apprenantId:guid}/journal", async (Guid periodeId, Guid apprenantId, Corps corps, IMediator mediator,
                    CancellationToken ct) =>
                {
                    var entree = await mediator.Send(new Command(periodeId, apprenantId, corps.Date, corps.Semaine, corps.Texte, corps.Taches), ct);
                    return TypedResults.Created($"/api/portfolio/periodes/{periodeId}/apprenants/{apprenantId}/journal/{entree.Id}", entree);
                })
                .WithSummary("Écrire une entrée du journal de bord, pour un jour ou une semaine (l'apprenant)");
    }
}
