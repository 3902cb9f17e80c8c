using System.Globalization;
using Cpro.Kernel.Errors;
using FluentValidation;

namespace Cpro.Portfolio.Domain;

/// <summary>What the learner writes on a fiche, in creation as in edit.</summary>
internal interface IContenuFiche
{
    string? Titre { get; }
    DateOnly? Debut { get; }
    DateOnly? Fin { get; }
    string? Contexte { get; }
    string? Realisation { get; }
    IReadOnlyList<string>? Taches { get; }
}

internal static class ContenuFiche
{
    public const int TexteMax = 4000;

    public static void Regles<T>(AbstractValidator<T> validator) where T : IContenuFiche
    {
        validator.RuleFor(c => c.Titre).NotEmpty().WithMessage("Le titre est obligatoire.")
            .MaximumLength(200).WithMessage("Le titre compte 200 caractères au plus.");
        validator.RuleFor(c => c.Debut).NotNull().WithMessage("La date de l'activité est obligatoire.");
        validator.RuleFor(c => c.Fin).GreaterThanOrEqualTo(c => c.Debut).When(c => c.Fin is not null && c.Debut is not null)
            .WithMessage("La date de fin suit la date de début.");
        validator.RuleFor(c => c.Contexte).MaximumLength(TexteMax).WithMessage("Le lieu et le contexte comptent 4 000 caractères au plus.");
        validator.RuleFor(c => c.Realisation).MaximumLength(TexteMax).WithMessage("« Ce que j'ai fait » compte 4 000 caractères au plus.");
    }

    /// <summary>Writes the content on the fiche once it fits the period: dates within it, tasks among its tasks (422 otherwise).</summary>
    public static void Appliquer(FicheActivite fiche, IContenuFiche contenu, Suivi suivi)
    {
        VerifierDates(suivi, contenu.Debut!.Value, contenu.Fin);
        fiche.Titre = contenu.Titre!.Trim();
        fiche.Debut = contenu.Debut.Value;
        fiche.Fin = contenu.Fin == contenu.Debut ? null : contenu.Fin;
        fiche.Contexte = Texte(contenu.Contexte);
        fiche.Realisation = Texte(contenu.Realisation);
        fiche.Taches = TachesDeLaPeriode(suivi, contenu.Taches ?? []);
    }

    public static void VerifierDates(Suivi suivi, DateOnly debut, DateOnly? fin)
    {
        var p = suivi.Periode;
        if (debut < p.Debut || (fin ?? debut) > p.Fin)
        {
            throw new NonTraitableException(string.Create(CultureInfo.InvariantCulture,
                $"Les dates sont celles de la période en entreprise : du {p.Debut:dd/MM/yyyy} au {p.Fin:dd/MM/yyyy}."));
        }
    }

    /// <summary>The tasks, each one of the period's (422 naming the others), in the period's order.</summary>
    public static List<string> TachesDeLaPeriode(Suivi suivi, IEnumerable<string> taches)
    {
        var liste = taches.Distinct(StringComparer.Ordinal).ToList();
        if (liste.Except(suivi.Periode.Taches, StringComparer.Ordinal).ToList() is { Count: > 0 } autres)
        {
            throw new NonTraitableException($"Ces tâches ne sont pas celles de la période : {string.Join(", ", autres)}.");
        }
        return [.. suivi.Periode.Taches.Where(liste.Contains)];
    }

    /// <summary>409 when the fiche was saved since the version read, or submitted.</summary>
    public static void VerifierModifiable(FicheActivite fiche, int versionLue)
    {
        VerifierVersion(fiche, versionLue);
        VerifierBrouillon(fiche);
    }

    /// <summary>409 once the fiche is submitted: it, and its attachments, no longer change.</summary>
    public static void VerifierBrouillon(FicheActivite fiche)
    {
        if (fiche.Statut == StatutFiche.Soumise)
        {
            throw new ConflitException($"La fiche « {fiche.Titre} » est soumise : elle n'est plus modifiable.");
        }
    }

    /// <summary>409 naming who saved the fiche since the version read.</summary>
    public static void VerifierVersion(FicheActivite fiche, int versionLue)
    {
        if (fiche.Version != versionLue)
        {
            throw new ConflitException($"La fiche « {fiche.Titre} » a été enregistrée {AccesPortfolio.Depuis(fiche.ModifiePar, fiche.ModifieLe)} depuis que vous l'avez ouverte : rechargez-la.");
        }
    }

    public static string? Texte(string? texte) => string.IsNullOrWhiteSpace(texte) ? null : texte.Trim();
}
