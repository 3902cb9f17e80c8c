using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cpro.Scenarios.Domain;

/// <summary>A follow-up's levels per item as JSON, in the same form the store's default writes (<c>{"C1.1": "Maitrise"}</c>),
/// read without the default's costs: every synthesis reads about 1,500 of them (three years of positionings), and
/// reading was most of its time. The item codes, a few hundred per référentiel, are shared rather than allocated at each
/// read; the dictionary is sized once; the level's name is matched on its bytes.</summary>
internal sealed class NiveauxJson : JsonConverter<Dictionary<string, NiveauMaitrise>>
{
    /// <summary>Bounded: item codes come from référentiels, but a document could hold anything.</summary>
    private const int ItemsPartagesMax = 20_000;
    private static readonly ConcurrentDictionary<string, string> ItemsPartages = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ItemsParTexte =
        ItemsPartages.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly (byte[] Nom, NiveauMaitrise Niveau)[] Noms =
        [.. Enum.GetValues<NiveauMaitrise>().Select(n => (Encoding.UTF8.GetBytes(n.ToString()), n))];

    public override Dictionary<string, NiveauMaitrise> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Niveaux : objet attendu.");
        }
        var niveaux = new Dictionary<string, NiveauMaitrise>(16, StringComparer.Ordinal);
        Span<char> tampon = stackalloc char[128];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var item = reader.HasValueSequence || reader.ValueSpan.Length > tampon.Length ? reader.GetString()! : Item(tampon[..reader.CopyString(tampon)]);
            reader.Read();
            niveaux[item] = Niveau(ref reader);
        }
        return reader.TokenType == JsonTokenType.EndObject ? niveaux : throw new JsonException("Niveaux : objet mal formé.");
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, NiveauMaitrise> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (item, niveau) in value)
        {
            writer.WriteString(item, niveau.ToString());
        }
        writer.WriteEndObject();
    }

    private static string Item(ReadOnlySpan<char> texte)
    {
        if (ItemsParTexte.TryGetValue(texte, out var item))
        {
            return item;
        }
        item = new string(texte);
        return ItemsPartages.Count < ItemsPartagesMax ? ItemsPartages.GetOrAdd(item, item) : item;
    }

    private static NiveauMaitrise Niveau(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            foreach (var (nom, niveau) in Noms)
            {
                if (reader.ValueTextEquals(nom))
                {
                    return niveau;
                }
            }
        }
        throw new JsonException("Niveaux : niveau de maîtrise inconnu.");
    }
}
