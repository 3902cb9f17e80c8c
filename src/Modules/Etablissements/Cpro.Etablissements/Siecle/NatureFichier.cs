using System.Buffers;
using System.Text;
using System.Text.Unicode;
using System.Text.RegularExpressions;
using Cpro.Kernel.Errors;

namespace Cpro.Etablissements.Siecle;

/// <summary>Says what a file is before it is parsed, so that a wrong file is named for what it is rather than refused as
/// malformed XML: a CSV or spreadsheet export, an archive, an encoding .NET cannot read, or UTF-8 text re-saved under
/// SIECLE's Latin declaration (read as is, « Grégory » would be stored as « GrÃ©gory »).</summary>
internal static partial class NatureFichier
{
    private const string Attendu = "déposez l'export XML de SIECLE ou de STS-web, tel qu'il a été téléchargé";

    /// <summary>Refuses what is not an export, and returns the encoding its bytes are in as it declares it, if it does and no
    /// byte order mark says otherwise.</summary>
    public static Encoding? Verifier(FichierDepose fichier)
    {
        var nom = fichier.Nom;
        var debut = new byte[1024];
        int lus;
        using (var flux = fichier.Ouvrir())
        {
            lus = flux.ReadAtLeast(debut, debut.Length, throwOnEndOfStream: false);
        }
        var octets = debut.AsSpan(0, lus);
        var bomUtf8 = octets.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        if (octets.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || octets.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return null; // UTF-16 with its byte order mark: the XML reader decodes it, and nothing below applies.
        }
        var texte = Encoding.Latin1.GetString(bomUtf8 ? octets[3..] : octets).TrimStart();
        if (texte.Length == 0)
        {
            throw new RequeteInvalideException($"« {nom} » est vide : {Attendu}.");
        }
        if (texte[0] != '<')
        {
            throw new RequeteInvalideException(Nature(nom, octets, texte));
        }
        var declare = Declaration().Match(texte) is { Success: true } m ? m.Groups[1].Value : null;
        Encoding? encodage = null;
        if (declare is not null)
        {
            try
            {
                encodage = Encoding.GetEncoding(declare);
            }
            catch (ArgumentException)
            {
                throw new RequeteInvalideException(
                    $"« {nom} » : encodage {declare} non pris en charge. Les exports de SIECLE et STS-web sont en ISO-8859-15, ISO-8859-1 ou UTF-8 : {Attendu}.");
            }
        }
        if (encodage is { CodePage: 1200 or 1201 or 12000 or 12001 })
        {
            return encodage;
        }
        var (utf8Valide, horsAscii) = ExaminerUtf8(fichier);
        if (!horsAscii)
        {
            return bomUtf8 ? null : encodage;
        }
        var unicode = encodage is null or { CodePage: 65001 } || bomUtf8;
        if (!unicode && utf8Valide)
        {
            throw new RequeteInvalideException(
                $"« {nom} » déclare l'encodage {declare} mais son contenu est en UTF-8 : les accents seraient mal lus (« GrÃ©gory » au lieu de « Grégory »). " +
                $"Le fichier a sans doute été ouvert puis réenregistré par un autre logiciel : {Attendu}.");
        }
        if (unicode && !utf8Valide)
        {
            throw new RequeteInvalideException(declare is null
                ? $"« {nom} » n'est pas en UTF-8 et ne déclare pas son encodage (un export SIECLE commence par <?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>) : {Attendu}."
                : $"« {nom} » déclare l'encodage UTF-8 mais contient des caractères dans un autre encodage (sans doute ISO-8859-15) : {Attendu}.");
        }
        return bomUtf8 ? null : encodage;
    }

    /// <summary>What a file that does not start with « &lt; » looks like.</summary>
    private static string Nature(string nom, ReadOnlySpan<byte> octets, string texte)
    {
        if (octets.StartsWith("PK\u0003\u0004"u8))
        {
            return $"« {nom} » est une archive ZIP (ou un classeur Excel / LibreOffice) : extrayez-en l'export XML de SIECLE ou de STS-web et déposez celui-ci.";
        }
        if (octets.StartsWith("%PDF"u8))
        {
            return $"« {nom} » est un document PDF : {Attendu}.";
        }
        var ligne = texte.Split('\n', 2)[0];
        return ligne.IndexOfAny([';', '\t', ',']) >= 0
            ? $"« {nom} » est un fichier CSV : déposez l'export XML de SIECLE ou de STS-web, pas un export pour tableur."
            : $"« {nom} » n'est pas un fichier XML : {Attendu}.";
    }

    /// <summary>One pass over the bytes: whether they are valid UTF-8, and whether any is outside ASCII. A sequence cut by
    /// the end of a block is carried over to the next.</summary>
    private static (bool Valide, bool HorsAscii) ExaminerUtf8(FichierDepose fichier)
    {
        var octets = new byte[64 * 1024];
        var caracteres = new char[octets.Length];
        var reste = 0;
        var horsAscii = false;
        using var flux = fichier.Ouvrir();
        int lus;
        while ((lus = flux.Read(octets, reste, octets.Length - reste)) > 0)
        {
            var bloc = octets.AsSpan(0, reste + lus);
            horsAscii |= !Ascii.IsValid(bloc);
            switch (Utf8.ToUtf16(bloc, caracteres, out var consommes, out _, replaceInvalidSequences: false, isFinalBlock: false))
            {
                case OperationStatus.InvalidData:
                    return (false, true);
                case OperationStatus.NeedMoreData:
                    reste = bloc.Length - consommes;
                    bloc[consommes..].CopyTo(octets);
                    break;
                default:
                    reste = 0;
                    break;
            }
        }
        return (reste == 0, horsAscii);
    }

    [GeneratedRegex("""^<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")]
    private static partial Regex Declaration();
}
