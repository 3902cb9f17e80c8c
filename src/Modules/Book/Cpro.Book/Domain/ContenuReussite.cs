using Cpro.Scenarios.Contracts;
using FluentValidation;
using Marten;
using Mediator;

namespace Cpro.Book.Domain;

/// <summary>What the learner writes on a réussite, in creation as in edit.</summary>
internal interface IContenuReussite
{
    string? Titre { get; }
    string? Lieu { get; }
    string? Contexte { get; }
    DateOnly? Date { get; }
    string? CeQueJaiFait { get; }
    string? CeQueJaiAppris { get; }
    IReadOnlyList<string>? Competences { get; }
}

internal static class ContenuReussite
{
    public const int TexteMax = 4000;

    /// <summary>The rules of what is given; <paramref name="complet"/> when nothing may be taken from a source instead.</summary>
    public static void Regles<T>(AbstractValidator<T> validator, Func<T, bool> complet) where T : IContenuReussite
    {
        validator.RuleFor(c => c.Titre).NotEmpty().When(complet).WithMessage("Le titre est obligatoire.");
        validator.RuleFor(c => c.Titre).MaximumLength(200).WithMessage("Le titre compte 200 caractères au plus.");
        validator.RuleFor(c => c.Date).NotNull().When(complet).WithMessage("La date est obligatoire.");
        validator.RuleFor(c => c.Lieu).Must(l => Lieux.Lire(l) is not null).When(c => complet(c) || c.Lieu is not null)
            .WithMessage("Le lieu est « entreprise » ou « centreFormation ».");
        validator.RuleFor(c => c.Contexte).MaximumLength(300).WithMessage("Le contexte compte 300 caractères au plus.");
        validator.RuleFor(c => c.CeQueJaiFait).MaximumLength(TexteMax).WithMessage("« Ce que j'ai fait » compte 4 000 caractères au plus.");
        validator.RuleFor(c => c.CeQueJaiAppris).MaximumLength(TexteMax).WithMessage("« Ce que j'ai appris » compte 4 000 caractères au plus.");
        validator.RuleFor(c => c.Competences).Must(c => c is null || c.Count <= 50).WithMessage("50 compétences au plus.");
    }

    /// <summary>Writes the content (competences left as they are when not given); each competence one of the diploma's, with its level when the réussite's evaluation gave one.</summary>
    public static void Appliquer(Reussite reussite, IContenuReussite contenu, Diplome diplome, IReadOnlyDictionary<string, NiveauAtteint> niveaux)
    {
        reussite.Titre = contenu.Titre?.Trim() is { Length: > 0 } titre ? titre : reussite.Titre;
        reussite.Lieu = Lieux.Lire(contenu.Lieu) ?? reussite.Lieu;
        reussite.Contexte = Texte(contenu.Contexte);
        reussite.Date = contenu.Date ?? reussite.Date;
        reussite.CeQueJaiFait = Texte(contenu.CeQueJaiFait);
        reussite.CeQueJaiAppris = Texte(contenu.CeQueJaiAppris);
        if (contenu.Competences is { } codes)
        {
            reussite.Competences = [.. diplome.Verifier(codes).Select(code => niveaux.GetValueOrDefault(code) is { } n
                ? new CompetenceReussite { Code = code, Niveau = n.Niveau, NiveauLibelle = n.Libelle }
                : new CompetenceReussite { Code = code })];
        }
    }

    /// <summary>The levels the réussite's evaluation gave, by competence; none for another origin.</summary>
    public static async Task<IReadOnlyDictionary<string, NiveauAtteint>> NiveauxAsync(IMediator mediator, Lecteur lecteur, OrigineReussite origine, Guid? sourceId,
        CancellationToken cancellationToken) =>
        origine == OrigineReussite.Evaluation
        && (await mediator.Send(new ListerEvaluationsApprenant(lecteur.Etablissement, lecteur.Apprenant.UtilisateurId), cancellationToken))
            .FirstOrDefault(e => e.Id == sourceId) is { } evaluation
            ? evaluation.Niveaux.ToDictionary(n => n.Competence, StringComparer.Ordinal)
            : new Dictionary<string, NiveauAtteint>();

    /// <summary>409 naming when the réussite was saved since the version read.</summary>
    public static void VerifierVersion(Reussite reussite, int versionLue)
    {
        if (reussite.Version != versionLue)
        {
            throw new Kernel.Errors.ConflitException(
                $"La réussite « {reussite.Titre} » a été enregistrée le {reussite.ModifieLe.ToLocalTime():dd/MM/yyyy 'à' HH:mm} depuis que vous l'avez ouverte (peut-être sur un autre appareil) : rechargez-la.");
        }
    }

    public static string? Texte(string? texte) => string.IsNullOrWhiteSpace(texte) ? null : texte.Trim();

    /// <summary>The learner's pages in the book's order (those not placed yet last, oldest first); the bin's when asked,
    /// most recently deleted first.</summary>
    public static async Task<List<ReussiteDto>> ListerAsync(IQuerySession session, Lecteur lecteur, Diplome diplome, bool corbeille, CancellationToken cancellationToken)
    {
        var apprenant = lecteur.Apprenant.UtilisateurId;
        var reussites = await session.Query<Reussite>().Where(r => r.ApprenantId == apprenant).ToListAsync(cancellationToken);
        var ordre = (await session.LoadAsync<OrdreBook>(apprenant, cancellationToken))?.Reussites ?? [];
        var choisies = reussites.Where(r => (r.SupprimeeLe is not null) == corbeille).ToList();
        choisies = corbeille
            ? [.. choisies.OrderByDescending(r => r.SupprimeeLe)]
            : [.. choisies.OrderBy(r => ordre.IndexOf(r.Id) is var i and >= 0 ? i : int.MaxValue).ThenBy(r => r.CreeLe)];
        var ids = choisies.Select(r => r.Id).ToList();
        var medias = await MediaReussite.DeAsync(session, ids, cancellationToken);
        var commentaires = (await session.Query<CommentaireReussite>().Where(c => ids.Contains(c.ReussiteId)).ToListAsync(cancellationToken)).ToLookup(c => c.ReussiteId);
        return [.. choisies.Select(r => ReussiteDto.De(r, diplome, medias[r.Id], commentaires[r.Id]))];
    }
}
