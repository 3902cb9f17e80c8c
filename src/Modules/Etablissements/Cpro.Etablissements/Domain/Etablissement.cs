namespace Cpro.Etablissements.Domain;

internal sealed class Etablissement
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string Uai { get; init; }
    public required string Nom { get; set; }
    public required string Email { get; set; }
    public DateTimeOffset CreeLe { get; init; }
}
