using System.Globalization;
using Cpro.Etablissements.Domain;
using Cpro.Etablissements.Siecle;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Portal;
using Marten;

namespace Cpro.Etablissements.Integrations;

/// <summary>The home page's cards: the establishment's administrator sees the last import and the accounts still on a
/// temporary password, the platform administrator the establishments, an inspector whether the establishment lets them read
/// its data. Everything read in the user's establishment (the session's).</summary>
internal sealed class AccueilEtablissements(IQuerySession session, ICurrentUser user) : IContributionAccueil
{
    private static readonly CultureInfo Francais = CultureInfo.GetCultureInfo("fr-FR");

    public async Task<IReadOnlyList<CarteAccueil>> CartesAsync(CancellationToken cancellationToken)
    {
        var cartes = new List<CarteAccueil>();
        if (user.IsPlatformAdmin)
        {
            var nombre = await session.Query<Etablissement>().CountAsync(cancellationToken);
            cartes.Add(new CarteAccueil("Établissements de la plateforme",
                nombre == 0 ? [] : [new LigneAccueil($"{nombre} établissement(s) ouvert(s)", "/administration/etablissements")],
                "Aucun établissement n'est encore ouvert.", new LienAccueil("Ouvrir un établissement", "/administration/etablissements")));
        }
        if (user.EtablissementId is not { } etablissement)
        {
            return cartes;
        }
        if (user.HasProfil(Profils.Administrateur))
        {
            var import = await session.Query<ImportSiecle>().OrderByDescending(i => i.Le).FirstOrDefaultAsync(cancellationToken);
            cartes.Add(new CarteAccueil("Dernier import SIECLE / STS-web",
                import is null ? [] : [new LigneAccueil(string.Create(Francais, $"Le {import.Le.ToLocalTime():dd/MM/yyyy à HH:mm}, par {import.Par}"),
                    "/administration/import", import.Rapport.Resume())],
                "Aucun import pour l'instant : importez les fichiers de SIECLE et de STS-web.", new LienAccueil("Import SIECLE", "/administration/import")));
            var provisoires = await session.Query<Utilisateur>().CountAsync(u => u.Actif && u.CodeProvisoire != null, cancellationToken);
            cartes.Add(new CarteAccueil("Mots de passe provisoires",
                provisoires == 0 ? [] : [new LigneAccueil($"{provisoires} compte(s) encore sur leur mot de passe provisoire", "/administration/acces",
                    "à distribuer à leurs titulaires")],
                "Chaque compte actif a choisi son mot de passe.", new LienAccueil("Gestion des accès", "/administration/acces")));
        }
        if (user.HasProfil(Profils.Inspecteur) && await session.LoadAsync<Etablissement>(etablissement, cancellationToken) is { } e)
        {
            cartes.Add(new CarteAccueil("Votre accès d'inspecteur",
                [new LigneAccueil($"{e.Nom} ({e.Uai})", null, e.AccesInspecteurAutorise
                    ? "L'établissement vous autorise à consulter ses données."
                    : "L'établissement n'autorise pas encore la consultation de ses données par les inspecteurs.")], ""));
        }
        return cartes;
    }
}
