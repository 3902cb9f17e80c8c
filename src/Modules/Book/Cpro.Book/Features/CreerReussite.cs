using Carter;
using Cpro.Book.Domain;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Http;
using Cpro.Kernel.Identity;
using Cpro.Portfolio.Contracts;
using Cpro.Scenarios.Contracts;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Book.Features;

/// <summary>The learner adds a page to their book: from nothing (title, place and date needed), or from one of their
/// fiches activités or evaluations (<see cref="Command.Source"/>), which fills what is not given: the fiche's title, date,
/// company and « ce que j'ai fait » and the competences a referent picked; the evaluation's title, date and competences
/// with the level reached. The page goes last in the book.</summary>
internal static class CreerReussite
{
    public const string SourceFiche = "ficheActivite";
    public const string SourceEvaluation = "evaluation";

    internal sealed record Command(string? Source, Guid? SourceId, string? Titre, string? Lieu, string? Contexte, DateOnly? Date, string? CeQueJaiFait,
        string? CeQueJaiAppris, IReadOnlyList<string>? Competences) : ICommand<ReussiteDto>, IContenuReussite;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Source).Must(s => s is null or SourceFiche or SourceEvaluation)
                .WithMessage("La source est « ficheActivite » ou « evaluation » (ou rien, pour une réussite libre).");
            RuleFor(c => c.SourceId).NotNull().When(c => c.Source is not null).WithMessage("Choisissez la fiche activité ou l'évaluation.");
            ContenuReussite.Regles(this, c => c.Source is null);
        }
    }

    internal sealed class Handler(IDocumentSession session, ICurrentUser user, IMediator mediator, TimeProvider clock) : ICommandHandler<Command, ReussiteDto>
    {
        public async ValueTask<ReussiteDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var lecteur = await AccesBook.MoiAsync(session, mediator, user, cancellationToken);
            var diplome = await Diplome.DeAsync(mediator, lecteur.Etablissement, lecteur.Apprenant.Division, cancellationToken);
            var maintenant = clock.GetUtcNow();
            var (origine, reussite, competences) = command.Source switch
            {
                SourceFiche => await DeFicheAsync(lecteur, command.SourceId!.Value, diplome, maintenant, cancellationToken),
                SourceEvaluation => await DEvaluationAsync(lecteur, command.SourceId!.Value, diplome, maintenant, cancellationToken),
                _ => (OrigineReussite.Libre, Nouvelle(lecteur, diplome, maintenant, OrigineReussite.Libre, null, null), []),
            };
            var contenu = command with
            {
                Contexte = command.Contexte ?? reussite.Contexte, CeQueJaiFait = command.CeQueJaiFait ?? reussite.CeQueJaiFait,
                Competences = command.Competences ?? competences,
            };
            ContenuReussite.Appliquer(reussite, contenu, diplome, await ContenuReussite.NiveauxAsync(mediator, lecteur, origine, command.SourceId, cancellationToken));
            session.Insert(reussite);
            var ordre = await session.LoadAsync<OrdreBook>(lecteur.Moi, cancellationToken) ?? new OrdreBook { Id = lecteur.Moi };
            ordre.Reussites.Add(reussite.Id);
            session.Store(ordre);
            return ReussiteDto.De(reussite, diplome, [], []);
        }

        private async Task<(OrigineReussite, Reussite, IReadOnlyList<string>)> DeFicheAsync(Lecteur lecteur, Guid id, Diplome diplome, DateTimeOffset maintenant,
            CancellationToken cancellationToken)
        {
            var fiche = (await mediator.Send(new ListerFichesActivitesApprenant(lecteur.Etablissement, lecteur.Moi), cancellationToken)).FirstOrDefault(f => f.Id == id)
                        ?? throw new IntrouvableException("Fiche activité introuvable parmi les vôtres.");
            var reussite = Nouvelle(lecteur, diplome, maintenant, OrigineReussite.FicheActivite, id, fiche.Titre);
            reussite.Titre = fiche.Titre;
            reussite.Date = fiche.Debut;
            reussite.Lieu = LieuReussite.Entreprise;
            reussite.Contexte = fiche.Entreprise;
            reussite.CeQueJaiFait = fiche.Realisation;
            // A referent may have picked criteria (« C1.3 »): the book ties the page to their competence.
            var competences = fiche.Competences.Select(c => diplome.Competences.Any(k => k.Code == c) ? c : c.Split('.')[0])
                .Where(c => diplome.Competences.Any(k => k.Code == c)).Distinct().ToList();
            return (OrigineReussite.FicheActivite, reussite, competences);
        }

        private async Task<(OrigineReussite, Reussite, IReadOnlyList<string>)> DEvaluationAsync(Lecteur lecteur, Guid id, Diplome diplome, DateTimeOffset maintenant,
            CancellationToken cancellationToken)
        {
            var evaluation = (await mediator.Send(new ListerEvaluationsApprenant(lecteur.Etablissement, lecteur.Moi), cancellationToken)).FirstOrDefault(e => e.Id == id)
                             ?? throw new IntrouvableException("Évaluation introuvable parmi les vôtres.");
            var reussite = Nouvelle(lecteur, diplome, maintenant, OrigineReussite.Evaluation, id, evaluation.Titre);
            reussite.Titre = evaluation.Titre;
            reussite.Date = evaluation.Date;
            reussite.Lieu = evaluation.EnEntreprise ? LieuReussite.Entreprise : LieuReussite.CentreFormation;
            return (OrigineReussite.Evaluation, reussite,
                [.. evaluation.Niveaux.Select(n => n.Competence).Where(c => diplome.Competences.Any(k => k.Code == c))]);
        }

        private static Reussite Nouvelle(Lecteur lecteur, Diplome diplome, DateTimeOffset maintenant, OrigineReussite origine, Guid? source, string? titre) => new()
        {
            EtablissementId = lecteur.Etablissement, ApprenantId = lecteur.Moi, Origine = origine, SourceId = source, SourceTitre = titre, Referentiel = diplome.Code,
            Titre = "", Date = DateOnly.FromDateTime(maintenant.UtcDateTime), CreeLe = maintenant, ModifieLe = maintenant, Version = 1,
        };
    }

    internal sealed record Corps(string? Source, Guid? SourceId, string? Titre, string? Lieu, string? Contexte, DateOnly? Date, string? CeQueJaiFait,
        string? CeQueJaiAppris, IReadOnlyList<string>? Competences);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/reussites", async (HttpRequest request, IQuerySession session, ICurrentUser user, IMediator mediator, CancellationToken ct) =>
                {
                    // Rights before the body is read.
                    await AccesBook.MoiAsync(session, mediator, user, ct);
                    var c = await CorpsJson.LireAsync<Corps>(request, ct);
                    var reussite = await mediator.Send(new Command(c.Source, c.SourceId, c.Titre, c.Lieu, c.Contexte, c.Date, c.CeQueJaiFait, c.CeQueJaiAppris,
                        c.Competences), ct);
                    return TypedResults.Created($"/api/book/reussites/{reussite.Id}", reussite);
                })
                .Accepts<Corps>("application/json")
                .WithSummary("Ajouter une réussite à son book (l'apprenant), libre ou à partir d'une de ses fiches activités (source « ficheActivite ») ou évaluations (« evaluation »)");
    }
}
