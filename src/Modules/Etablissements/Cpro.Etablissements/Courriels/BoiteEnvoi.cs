using Cpro.Kernel.Persistence;
using Marten;
using Microsoft.AspNetCore.DataProtection;

namespace Cpro.Etablissements.Courriels;

/// <summary>Puts emails in the establishment's outbox; the command's unit of work writes them with the rest.</summary>
internal sealed class BoiteEnvoi(IDocumentSession session, IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly IDataProtector _protecteur = protection.CreateProtector(Purpose);

    public const string Purpose = "Cpro.Etablissements.Courriels";

    public Courriel Ajouter(Guid etablissementId, string destinataire, string objet, string corps)
    {
        var maintenant = clock.GetUtcNow();
        var courriel = new Courriel
        {
            Destinataire = destinataire,
            Objet = objet,
            CorpsChiffre = _protecteur.Protect(corps),
            CreeLe = maintenant,
            ProchainEssaiLe = maintenant,
        };
        session.PourEtablissement(etablissementId).Insert(courriel);
        return courriel;
    }

    public string Corps(Courriel courriel) => _protecteur.Unprotect(courriel.CorpsChiffre);
}
