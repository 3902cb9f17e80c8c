using Carter;
using Cpro.Kernel.Identity;
using Cpro.Periodes.Domain;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Periodes.Features;

/// <summary>A teacher writes an annex for a diploma the establishment subscribes to and one of its class levels.</summary>
internal static class CreerAnnexe
{
    internal sealed record Command(string Referentiel, string NiveauClasse, ContenuAnnexe Contenu) : ICommand<AnnexeDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Referentiel).NotEmpty().WithMessage("Choisissez le diplôme (référentiel).").OverridePropertyName("referentiel");
            RuleFor(c => c.NiveauClasse).NotEmpty().WithMessage("Choisissez le niveau de classe.").OverridePropertyName("niveauClasse");
            ContenuAnnexe.Regles(this, c => c.Contenu);
        }
    }

    internal sealed class Handler(IDocumentSession session, ICurrentUser user, IMediator mediator, TimeProvider clock) : ICommandHandler<Command, AnnexeDto>
    {
        public async ValueTask<AnnexeDto> Handle(Command command, CancellationToken cancellationToken)
        {
            AccesPeriodes.Enseignant(user);
            var abonne = await AccesPeriodes.ReferentielAbonneAsync(mediator, AccesPeriodes.Etablissement(user), command.Referentiel, cancellationToken);
            abonne.VerifierNiveau(command.NiveauClasse);
            var maintenant = clock.GetUtcNow();
            var annexe = new AnnexePedagogique
            {
                Referentiel = command.Referentiel,
                NiveauClasse = command.NiveauClasse,
                Titre = "",
                AuteurId = user.UserId ?? Guid.Empty,
                AuteurNom = user.NomComplet ?? "",
                CreeLe = maintenant,
                ModifieLe = maintenant,
                // What Marten gives a new document when the command saves it.
                Version = 1,
            };
            command.Contenu.Appliquer(annexe, abonne.Referentiel);
            session.Insert(annexe);
            return AnnexeDto.De(annexe);
        }
    }

    internal sealed record Corps(string? Referentiel, string? NiveauClasse, string? Titre, bool PourApprentis, string? Objectifs,
        IReadOnlyList<string>? Activites, IReadOnlyList<string>? Taches);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/annexes", async (Corps corps, IMediator mediator, CancellationToken ct) =>
                {
                    var creee = await mediator.Send(new Command(corps.Referentiel ?? "", corps.NiveauClasse ?? "",
                        new ContenuAnnexe(corps.Titre ?? "", corps.PourApprentis, corps.Objectifs, corps.Activites, corps.Taches)), ct);
                    return TypedResults.Created($"/api/periodes/annexes/{creee.Id}", creee);
                })
                .WithSummary("Créer une annexe pédagogique (enseignant)");
    }
}
