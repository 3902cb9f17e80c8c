using System.Text;

namespace Cpro.Etablissements.Domain;

/// <summary>Semicolon-separated with a BOM, as French spreadsheets expect; a cell that a spreadsheet would take for a
/// formula is quoted as text (names and file contents come from outside).</summary>
internal static class Csv
{
    public static byte[] Write(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var csv = new StringBuilder().AppendJoin(';', headers.Select(Cell)).Append("\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(';', row.Select(Cell)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }
        return text.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
