using System.Globalization;
using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Errors;
using Cpro.Periodes.Domain;
using Cpro.Referentiels.Contracts;
using FluentValidation;
using Marten;
using Mediator;

namespace Cpro.Periodes.Features;

/// <summary>What the DDFTP enters on a company period, when declaring it and when editing it.</summary>
internal interface IContenuPeriode
{
    string? Titre { get; }
    DateOnly? Debut { get; }
    DateOnly? Fin { get; }
    string? Objectifs { get; }
    IReadOnlyList<string>? Taches { get; }
    IReadOnlyList<Guid>? Apprenants { get; }
    IReadOnlyList<Guid>? Referents { get; }
}

/// <summary>The checks of a period's content shared by its declaration and its edition.</summary>
internal static class ContenuPeriode
{
    public static void Regles<T>(AbstractValidator<T> v) where T : IContenuPeriode
    {
        v.RuleFor(c => c.Titre).MaximumLength(200).WithMessage("Le titre compte 200 caractères au plus.");
        v.RuleFor(c => c.Debut).NotNull().WithMessage("La date de début est obligatoire.");
        v.RuleFor(c => c.Fin).NotNull().WithMessage("La date de fin est obligatoire.");
        v.RuleFor(c => c.Fin).Must((c, fin) => c.Debut is null || fin is null || c.Debut <= fin)
            .WithMessage("La date de fin ne peut précéder la date de début.");
        v.RuleFor(c => c.Objectifs).MaximumLength(5000).WithMessage("Les objectifs comptent 5 000 caractères au plus.");
    }

    public static string NomComplet(ApprenantEtablissement a) => $"{a.Prenom} {a.Nom}".Trim();

    /// <summary>The learners chosen (all candidates when none is named). Those already on the period (<paramref name="affectes"/>)
    /// keep their place even if they have left the level since; the others must be of the level and of the period's kind.</summary>
    public static async Task<IReadOnlyList<ApprenantEtablissement>> ApprenantsAsync(IMediator mediator, Guid etablissementId, string referentiel,
        string niveauClasse, TypePeriodeEntreprise type, IReadOnlyList<Guid>? demandes, IReadOnlyCollection<Guid> affectes, CancellationToken cancellationToken)
    {
        var statut = AccesEntreprise.StatutDes(type);
        var ids = demandes?.Distinct().ToList();
        var ajoutes = ids?.Where(id => !affectes.Contains(id)).ToList();
        // The level is only needed for newcomers: an edit that keeps its learners works even once the level has changed.
        var niveau = ajoutes is { Count: 0 } ? [] : await AccesEntreprise.ApprenantsDuNiveauAsync(mediator, etablissementId, referentiel, niveauClasse, cancellationToken);
        ids ??= [.. niveau.Where(a => a.Statut == statut).Select(a => a.UtilisateurId)];
        ajoutes ??= ids;
        if (ids.Count == 0)
        {
            throw new NonTraitableException(demandes is null
                ? $"Aucun {(type == TypePeriodeEntreprise.Pfmp ? "élève" : "apprenti")} au niveau {NiveauClasse.LibelleDe(niveauClasse)} de ce diplôme."
                : "Choisissez au moins un apprenant.");
        }
        var parId = niveau.ToDictionary(a => a.UtilisateurId);
        var horsNiveau = ajoutes.Count(id => !parId.ContainsKey(id));
        if (horsNiveau > 0)
        {
            throw new NonTraitableException($"{horsNiveau} apprenant(s) choisi(s) ne sont pas du niveau {NiveauClasse.LibelleDe(niveauClasse)} de ce diplôme.");
        }
        var autreStatut = ajoutes.Select(id => parId[id]).Where(a => a.Statut != statut).Select(NomComplet).ToList();
        if (autreStatut.Count > 0)
        {
            throw new NonTraitableException(type == TypePeriodeEntreprise.Pfmp
                ? $"Une PFMP concerne les élèves ; apprenti(s) : {string.Join(", ", autreStatut)} (déclarez pour eux une période employeur)."
                : $"Une période employeur concerne les apprentis ; élève(s) : {string.Join(", ", autreStatut)} (déclarez pour eux une PFMP).");
        }
        // The others are learners kept, read wherever they are now: the overlap check still covers and names them.
        var gardes = ids.Where(id => !parId.ContainsKey(id)).ToList();
        if (gardes.Count > 0)
        {
            foreach (var a in await mediator.Send(new ObtenirApprenants(etablissementId, gardes), cancellationToken))
            {
                parId[a.UtilisateurId] = a;
            }
        }
        return [.. ids.Select(id => parId.GetValueOrDefault(id) ?? Supprime(id, statut))];
    }

    /// <summary>A learner the establishment no longer knows at all, as a period still shows them.</summary>
    public static ApprenantEtablissement Supprime(Guid id, string statut) => new(id, "(apprenant supprimé)", "", null, statut, false);

    /// <summary>The referents named, each a teacher of the establishment.</summary>
    public static async Task<List<Guid>> ReferentsAsync(IMediator mediator, Guid etablissementId, IReadOnlyList<Guid> demandes, CancellationToken cancellationToken)
    {
        var ids = demandes.Distinct().ToList();
        if (ids.Count == 0)
        {
            return ids;
        }
        var enseignants = (await mediator.Send(new ListerEnseignants(etablissementId), cancellationToken)).Select(e => e.UtilisateurId).ToHashSet();
        var autres = ids.Count(id => !enseignants.Contains(id));
        if (autres > 0)
        {
            throw new NonTraitableException($"{autres} référent(s) choisi(s) ne sont pas des enseignants de l'établissement.");
        }
        return ids;
    }

    /// <summary>The tasks, each one of the référentiel's.</summary>
    public static async Task<List<string>> TachesAsync(IMediator mediator, string referentiel, IReadOnlyList<string> demandees, CancellationToken cancellationToken)
    {
        var taches = demandees.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
        if (taches.Count == 0)
        {
            return taches;
        }
        var dto = await mediator.Send(new ObtenirReferentiel(referentiel), cancellationToken)
                  ?? throw new IntrouvableException($"Référentiel {referentiel} introuvable.");
        var connues = dto.Blocs.SelectMany(b => b.Activites).Concat(dto.ActivitesTransversales).SelectMany(a => a.Taches).Select(t => t.Code).ToHashSet();
        var inconnues = taches.Where(t => !connues.Contains(t)).ToList();
        if (inconnues.Count > 0)
        {
            throw new NonTraitableException($"Tâche(s) inconnue(s) du référentiel {referentiel} : {string.Join(", ", inconnues)}.");
        }
        return taches;
    }

    /// <summary>Refuses dates that overlap another period of any of these learners, naming each conflict. The caller holds
    /// the establishment's company periods (<see cref="AccesEntreprise.VerrouillerAsync"/>): two declarations at once
    /// would each miss the other's learners.</summary>
    public static async Task VerifierChevauchementAsync(IQuerySession session, Guid? periodeId, DateOnly debut, DateOnly fin,
        IReadOnlyList<ApprenantEtablissement> apprenants, CancellationToken cancellationToken)
    {
        var ids = apprenants.Select(a => a.UtilisateurId).ToList();
        var affectations = await session.Query<AffectationEntreprise>().Where(a => ids.Contains(a.ApprenantId))
            .Select(a => new { a.PeriodeId, a.ApprenantId }).ToListAsync(cancellationToken);
        var periodesIds = affectations.Select(a => a.PeriodeId).Where(id => id != periodeId).Distinct().ToList();
        var periodes = (await session.Query<PeriodeEntreprise>().Where(p => periodesIds.Contains(p.Id) && p.Debut <= fin && p.Fin >= debut)
            .ToListAsync(cancellationToken)).ToDictionary(p => p.Id);
        var conflits = affectations.Where(a => periodes.ContainsKey(a.PeriodeId))
            .Select(a => (a.ApprenantId, Periode: periodes[a.PeriodeId]))
            .OrderBy(c => c.Periode.Debut).ThenBy(c => c.ApprenantId)
            .ToList();
        if (conflits.Count == 0)
        {
            return;
        }
        var noms = apprenants.ToDictionary(a => a.UtilisateurId, NomComplet);
        const int Montres = 5;
        var phrases = conflits.Take(Montres).Select(c => string.Create(CultureInfo.InvariantCulture,
            $"{noms[c.ApprenantId]} est déjà en {AccesEntreprise.Libelle(c.Periode.Type)} « {c.Periode.Titre} » du {c.Periode.Debut:dd/MM/yyyy} au {c.Periode.Fin:dd/MM/yyyy}."));
        var suite = conflits.Count > Montres ? $" Et {conflits.Count - Montres} autre(s) chevauchement(s)." : "";
        throw new ConflitException(string.Join(" ", phrases) + suite);
    }
}
