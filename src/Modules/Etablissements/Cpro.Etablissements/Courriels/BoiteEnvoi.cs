using Microsoft.AspNetCore.DataProtection;

namespace Cpro.Etablissements.Courriels;

/// <summary>Puts emails in the outbox; the caller's SaveChanges (and transaction) writes them with the rest.</summary>
internal sealed class BoiteEnvoi(EtablissementsDbContext db, IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly IDataProtector _protecteur = protection.CreateProtector(Purpose);

    public const string Purpose = "Cpro.Etablissements.Courriels";

    public Courriel Ajouter(Guid etablissementId, string destinataire, string objet, string corps)
    {
        var maintenant = clock.GetUtcNow();
        var courriel = new Courriel
        {
            EtablissementId = etablissementId,
            Destinataire = destinataire,
            Objet = objet,
            CorpsChiffre = _protecteur.Protect(corps),
            CreeLe = maintenant,
            ProchainEssaiLe = maintenant,
        };
        db.Courriels.Add(courriel);
        return courriel;
    }

    public string Corps(Courriel courriel) => _protecteur.Unprotect(courriel.CorpsChiffre);
}
