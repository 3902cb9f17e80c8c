using System.Net;

namespace Cpro.IntegrationTests.Infrastructure;

/// <summary>A form's required fields as the kernel marks them: the note at its top, the mark after each label's text.</summary>
internal static class Obligatoires
{
    private const string Marque = "<span class=\"champ-obligatoire\" aria-hidden=\"true\">*</span>";

    /// <summary>The page's note, and each text followed by the mark (a label, a legend or a column header).</summary>
    public static void AssertMarques(string html, params string[] libelles)
    {
        var page = WebUtility.HtmlDecode(html);
        Assert.Contains("Les champs marqués d'un <span class=\"champ-obligatoire\">*</span> sont obligatoires.", page, StringComparison.Ordinal);
        foreach (var libelle in libelles)
        {
            Assert.Contains($"{libelle} {Marque}", page, StringComparison.Ordinal);
        }
    }
}
