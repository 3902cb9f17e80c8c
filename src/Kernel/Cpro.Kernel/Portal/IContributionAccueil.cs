namespace Cpro.Kernel.Portal;

/// <summary>What a module puts on the current user's home page. Registered scoped by the module; the host skips it when the
/// module is switched off for the user's establishment, and shows the cards in the catalogue's order of modules.
/// Each contribution answers only for what the user's profiles may see, and costs one or two queries per card.</summary>
public interface IContributionAccueil
{
    /// <summary>The user's cards, none when the module has nothing for their profiles.</summary>
    Task<IReadOnlyList<CarteAccueil>> CartesAsync(CancellationToken cancellationToken);
}

/// <summary>A card of the home page: its lines, or <paramref name="SiVide"/> when there are none, and a link to the full list.</summary>
public sealed record CarteAccueil(string Titre, IReadOnlyList<LigneAccueil> Lignes, string SiVide, LienAccueil? ToutVoir = null);

/// <summary>One line of a card; <paramref name="Detail"/> is shown after the text (dates, state).</summary>
public sealed record LigneAccueil(string Texte, string? Lien = null, string? Detail = null);

public sealed record LienAccueil(string Texte, string Href);
