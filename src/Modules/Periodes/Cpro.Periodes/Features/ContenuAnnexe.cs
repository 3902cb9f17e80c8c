using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Cpro.Periodes.Domain;
using Cpro.Referentiels.Contracts;
using FluentValidation;
using Marten;
using Mediator;

namespace Cpro.Periodes.Features;

/// <summary>What a teacher writes in an annex, shared by its creation and its edition.</summary>
internal sealed record ContenuAnnexe(string Titre, bool PourApprentis, string? Objectifs, IReadOnlyList<string>? Activites, IReadOnlyList<string>? Taches)
{
    public const int TexteMax = 5000;

    /// <summary>Field rules, named as in the API, for a request holding a content.</summary>
    public static void Regles<T>(AbstractValidator<T> v, Func<T, ContenuAnnexe> contenu)
    {
        v.RuleFor(c => contenu(c).Titre).NotEmpty().WithMessage("Le titre de l'annexe est obligatoire.")
            .MaximumLength(200).WithMessage("Le titre ne doit pas dépasser 200 caractères.").OverridePropertyName("titre");
        v.RuleFor(c => contenu(c).Objectifs).MaximumLength(TexteMax).WithMessage($"Les objectifs ne doivent pas dépasser {TexteMax} caractères.")
            .OverridePropertyName("objectifs");
        v.RuleFor(c => contenu(c).Activites).Must(l => l is null || l.Count <= 100).WithMessage("Cent activités au plus.").OverridePropertyName("activites");
        v.RuleFor(c => contenu(c).Taches).Must(l => l is null || l.Count <= 300).WithMessage("Trois cents tâches au plus.").OverridePropertyName("taches");
    }

    /// <summary>Checks every code against the référentiel (422 naming the unknown ones), then writes the content. A task
    /// brings its activity along: an annex never holds a task without the activity it belongs to.</summary>
    public void Appliquer(AnnexePedagogique annexe, ReferentielDto referentiel)
    {
        var activites = referentiel.Blocs.SelectMany(b => b.Activites).Concat(referentiel.ActivitesTransversales).ToList();
        var activiteDeTache = activites.SelectMany(a => a.Taches.Select(t => (Tache: t.Code, Activite: a.Code)))
            .ToDictionary(x => x.Tache, x => x.Activite, StringComparer.Ordinal);
        var inconnus = (Activites ?? []).Where(a => activites.All(x => x.Code != a)).Concat((Taches ?? []).Where(t => !activiteDeTache.ContainsKey(t))).Distinct().ToList();
        if (inconnus.Count > 0)
        {
            throw new NonTraitableException($"Codes inconnus du référentiel « {referentiel.Intitule} » : {string.Join(", ", inconnus.Take(10))}.");
        }
        var taches = (Taches ?? []).ToHashSet(StringComparer.Ordinal);
        var choisies = (Activites ?? []).Concat(taches.Select(t => activiteDeTache[t])).ToHashSet(StringComparer.Ordinal);
        annexe.Titre = Titre.Trim();
        annexe.PourApprentis = PourApprentis;
        annexe.Objectifs = string.IsNullOrWhiteSpace(Objectifs) ? null : Objectifs.Trim();
        // The référentiel's order, whatever the order they were ticked in.
        annexe.Activites = [.. activites.Select(a => a.Code).Where(choisies.Contains)];
        annexe.Taches = [.. activites.SelectMany(a => a.Taches).Select(t => t.Code).Where(taches.Contains)];
    }

    /// <summary>Annexes are the teaching team's: teachers write them, the DDFTP and the head read them.</summary>
    public static void Lecteur(ICurrentUser user)
    {
        if (!user.HasAnyProfil([Profils.Enseignant, Profils.Ddftp, Profils.ChefEtablissement]))
        {
            throw new InterditException("Les annexes pédagogiques sont réservées à l'équipe pédagogique.");
        }
    }

    /// <summary>An annex of the user's establishment (the session's), or 404.</summary>
    public static async Task<AnnexePedagogique> TrouverAsync(IQuerySession session, Guid id, CancellationToken cancellationToken) =>
        await session.LoadAsync<AnnexePedagogique>(id, cancellationToken) ?? throw new IntrouvableException("Annexe pédagogique introuvable.");

    /// <summary>Edits and deletions of one annex wait for one another until the commit: the second then reads what the first
    /// saved (or that it is gone), so its own check answers, and a deleted annex is never written back.</summary>
    public static Task VerrouillerAsync(UnitOfWork unitOfWork, Guid id, CancellationToken cancellationToken) =>
        unitOfWork.VerrouillerAsync($"cpro.annexe:{id}", cancellationToken);

    /// <summary>The référentiel of an existing annex: read even if the subscription has ended since.</summary>
    public static async Task<ReferentielDto> ReferentielAsync(IMediator mediator, string code, CancellationToken cancellationToken) =>
        await mediator.Send(new ObtenirReferentiel(code), cancellationToken) ?? throw new IntrouvableException($"Référentiel {code} introuvable.");
}

/// <summary>An annex as read.</summary>
internal sealed record AnnexeDto(
    Guid Id, string Referentiel, string NiveauClasse, string Titre, bool PourApprentis, string? Objectifs, IReadOnlyList<string> Activites,
    IReadOnlyList<string> Taches, string AuteurNom, DateTimeOffset CreeLe, DateTimeOffset ModifieLe, int Version)
{
    public static AnnexeDto De(AnnexePedagogique a) =>
        new(a.Id, a.Referentiel, a.NiveauClasse, a.Titre, a.PourApprentis, a.Objectifs, a.Activites, a.Taches, a.AuteurNom, a.CreeLe, a.ModifieLe, a.Version);
}
