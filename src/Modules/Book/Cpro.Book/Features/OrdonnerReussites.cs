using Carter;
using Cpro.Book.Domain;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Http;
using Cpro.Kernel.Identity;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Book.Features;

/// <summary>The learner orders the pages of their book: the export follows it. Every page of the book is named once (409
/// otherwise), so that a page added meanwhile on another device is not silently placed.</summary>
internal static class OrdonnerReussites
{
    internal sealed record Command(IReadOnlyList<Guid>? Reussites) : ICommand<IReadOnlyList<Guid>>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reussites).NotNull().WithMessage("Donnez les réussites dans l'ordre voulu.");
    }

    internal sealed class Handler(IDocumentSession session, ICurrentUser user, IMediator mediator) : ICommandHandler<Command, IReadOnlyList<Guid>>
    {
        public async ValueTask<IReadOnlyList<Guid>> Handle(Command command, CancellationToken cancellationToken)
        {
            var lecteur = await AccesBook.MoiAsync(session, mediator, user, cancellationToken);
            var actuelles = await session.Query<Reussite>().Where(r => r.ApprenantId == lecteur.Moi && r.SupprimeeLe == null).Select(r => r.Id)
                .ToListAsync(cancellationToken);
            var demandees = command.Reussites!;
            if (demandees.Distinct().Count() != demandees.Count || !actuelles.ToHashSet().SetEquals(demandees))
            {
                throw new ConflitException("L'ordre donné ne nomme pas chaque réussite du book une fois : rechargez le book.");
            }
            var ordre = await session.LoadAsync<OrdreBook>(lecteur.Moi, cancellationToken) ?? new OrdreBook { Id = lecteur.Moi };
            // Pages in the bin keep their place, for a restore.
            ordre.Reussites = [.. demandees, .. ordre.Reussites.Where(id => !demandees.Contains(id))];
            session.Store(ordre);
            return demandees;
        }
    }

    internal sealed record Corps(IReadOnlyList<Guid>? Reussites);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPut("/ordre", async (HttpRequest request, IQuerySession session, ICurrentUser user, IMediator mediator, CancellationToken ct) =>
                {
                    // Rights before the body is read.
                    await AccesBook.MoiAsync(session, mediator, user, ct);
                    var corps = await CorpsJson.LireAsync<Corps>(request, ct);
                    return TypedResults.Ok(await mediator.Send(new Command(corps.Reussites), ct));
                })
                .Accepts<Corps>("application/json")
                .WithSummary("Ordonner les réussites de son book (l'apprenant ; chacune nommée une fois, sinon 409)");
    }
}
