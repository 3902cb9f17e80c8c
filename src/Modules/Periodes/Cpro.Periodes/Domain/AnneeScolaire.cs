using FluentValidation;

namespace Cpro.Periodes.Domain;

/// <summary>A school year, named by the calendar year it starts in (2026 for 2026-2027): 1 September to 31 August.</summary>
internal static class AnneeScolaire
{
    public static int De(DateOnly jour) => jour.Month >= 9 ? jour.Year : jour.Year - 1;

    public static int Courante(TimeProvider clock) => De(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

    public static DateOnly Debut(int annee) => new(annee, 9, 1);

    public static DateOnly Fin(int annee) => new(annee + 1, 8, 31);

    public static string Libelle(int annee) => $"{annee}-{annee + 1}";

    /// <summary>The rule on a request's school year, its message on « annee ».</summary>
    public static IRuleBuilderOptions<T, int> Valide<T>(this IRuleBuilder<T, int> regle) =>
        regle.InclusiveBetween(2000, 2100).WithMessage("L'année scolaire se donne par l'année de la rentrée (2026 pour 2026-2027).")
            .OverridePropertyName("annee");
}
