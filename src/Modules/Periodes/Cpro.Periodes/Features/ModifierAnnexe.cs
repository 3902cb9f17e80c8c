using Carter;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Periodes.Features;

/// <summary>Reads an annex (the teaching team), or edits it (any teacher: annexes are shared), from the version read.</summary>
internal static class ModifierAnnexe
{
    internal sealed record Query(Guid Id) : IQuery<AnnexeDto>;

    internal sealed record Command(Guid Id, int Version, ContenuAnnexe Contenu) : ICommand<AnnexeDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => ContenuAnnexe.Regles(this, c => c.Contenu);
    }

    internal sealed class QueryHandler(IQuerySession session, ICurrentUser user) : IQueryHandler<Query, AnnexeDto>
    {
        public async ValueTask<AnnexeDto> Handle(Query query, CancellationToken cancellationToken)
        {
            ContenuAnnexe.Lecteur(user);
            return AnnexeDto.De(await ContenuAnnexe.TrouverAsync(session, query.Id, cancellationToken));
        }
    }

    internal sealed class Handler(IDocumentSession session, UnitOfWork unitOfWork, ICurrentUser user, IMediator mediator, TimeProvider clock)
        : ICommandHandler<Command, AnnexeDto>
    {
        public async ValueTask<AnnexeDto> Handle(Command command, CancellationToken cancellationToken)
        {
            AccesPeriodes.Enseignant(user);
            await ContenuAnnexe.VerrouillerAsync(unitOfWork, command.Id, cancellationToken);
            var annexe = await ContenuAnnexe.TrouverAsync(session, command.Id, cancellationToken);
            if (annexe.Version != command.Version)
            {
                throw new ConflitException($"L'annexe « {annexe.Titre} » a été modifiée depuis que vous l'avez ouverte : rechargez-la avant d'enregistrer.");
            }
            command.Contenu.Appliquer(annexe, await ContenuAnnexe.ReferentielAsync(mediator, annexe.Referentiel, cancellationToken));
            annexe.ModifieLe = clock.GetUtcNow();
            session.StoreRevision(annexe, command.Version);
            // The revision the commit gives it, for the answer.
            annexe.Version = command.Version + 1;
            return AnnexeDto.De(annexe);
        }
    }

    internal sealed record Corps(int Version, string? Titre, bool PourApprentis, string? Objectifs, IReadOnlyList<string>? Activites, IReadOnlyList<string>? Taches);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            app.MapGet("/annexes/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(id), ct)))
                .WithSummary("Lire une annexe pédagogique");
            app.MapPut("/annexes/{id:guid}", async (Guid id, Corps corps, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Command(id, corps.Version,
                        new ContenuAnnexe(corps.Titre ?? "", corps.PourApprentis, corps.Objectifs, corps.Activites, corps.Taches)), ct)))
                .WithSummary("Modifier une annexe pédagogique (enseignant ; version : celle lue, sinon 409)");
        }
    }
}
