using Cpro.Etablissements.Domain;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Marten;

namespace Cpro.Etablissements.Siecle;

/// <summary>Brings an establishment's learners, guardians, staff and structures in line with its exports. Never deletes:
/// whoever is missing from a complete export, or has left, is deactivated. Never touches an existing login or password.
/// New documents go in by binary COPY, changed ones through the session; all of it in the command's transaction. Existing
/// documents are read and compared in memory: only those that change are stored, so an unchanged re-import writes nothing.
/// It names the establishment explicitly: the caller's access was checked, and the platform administrator, who belongs
/// to none, may import too.</summary>
internal sealed class Synchronisation(IDocumentSession session, IDocumentStore store, UnitOfWork unitOfWork, Comptes comptes, TimeProvider clock,
    Integrations.StructuresEnCache structures)
{
    private readonly ISerializer _serialiseur = store.Options.Serializer();
    private ITenantOperations _documents = null!;
    private bool _simulation;
    private HashSet<string>? _eleves;

    public async Task<RapportImport> AppliquerAsync(Etablissement etablissement, IReadOnlyList<FichierDepose> fichiers, long tailleMax, bool simulation,
        CancellationToken cancellationToken)
    {
        // Each file is parsed on its own core while what the establishment holds of the kinds the files bring is read (a
        // file's kind is known from its root element, before its records); the first failing file, in the order sent, is
        // the one reported. A parse always runs to its end, so that every kind is told.
        var types = fichiers.Select(_ => new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously)).ToList();
        var lectures = fichiers.Select((f, i) => Task.Run(() =>
        {
            try
            {
                return LecteurSiecle.Lire(f, tailleMax, type => types[i].TrySetResult(type));
            }
            finally
            {
                types[i].TrySetResult(null);
            }
        })).ToList();
        _documents = session.PourEtablissement(etablissement.Id);
        _simulation = simulation;
        Existants existants;
        try
        {
            await Verrous.ImportAsync(unitOfWork, etablissement.Id, cancellationToken);
            existants = await Existants.LireAsync(_documents, [.. await Task.WhenAll(types.Select(t => t.Task))], cancellationToken);
        }
        finally
        {
            // Whatever happens here, no parse runs on after the request.
            await Task.WhenAll(lectures).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        var exports = await Task.WhenAll(lectures);
        Verifier(etablissement, exports);
        var rapport = new RapportImport { Simulation = simulation, Fichiers = [.. exports.Select(e => new FichierLu(e.NomFichier, e.Type))] };
        var maintenant = clock.GetUtcNow();
        var nouveauxComptes = new List<(string Prenom, string Nom, string Profil, string Source, Action<Guid> Lier)>();
        var nouveaux = new Nouveaux();
        var comptesActifs = new ComptesActifs(existants.Comptes);
        // Whoever the files bring that the establishment does not know may need an account: those accounts are prepared
        // (codes drawn, logins taken looked up) while the files are compared, which needs no more of the database.
        await using var preparation = simulation || Candidats(exports, existants) is not { Count: > 0 } candidats
            ? null
            : await comptes.PreparerAsync(etablissement.Id, candidats, cancellationToken);

        IReadOnlyList<Apprenant> presents = [];
        if (exports.OfType<ExportEleves>().SingleOrDefault() is { } eleves)
        {
            presents = ComparerApprenants(eleves, existants.Apprenants, rapport, nouveaux, nouveauxComptes, comptesActifs, DateOnly.FromDateTime(maintenant.UtcDateTime));
        }
        if (exports.OfType<ExportResponsables>().SingleOrDefault() is { } responsables)
        {
            ComparerResponsables(responsables, existants.Responsables, existants.ElevesConnus, rapport, nouveaux);
        }
        // The new guardians need no account: they are copied while the rest is compared and the accounts are made, which
        // needs nothing more of the command's connection.
        var copieResponsables = simulation
            ? Task.CompletedTask
            : CopieDocuments.CopierAsync(unitOfWork, store, UnitOfWork.Tenant(etablissement.Id), nouveaux.Responsables, r => r.Id, cancellationToken);
        List<(Utilisateur Utilisateur, string Code)> crees;
        try
        {
            var mefs = exports.OfType<ExportSts>().SelectMany(s => s.Mefs).Concat(exports.OfType<ExportNomenclatures>().SelectMany(n => n.Mefs));
            ComparerMefs(mefs, existants.Mefs, nouveaux);
            if (exports.OfType<ExportSts>().SingleOrDefault() is { } sts)
            {
                ComparerPersonnels(sts, existants.Personnels, rapport, nouveaux, nouveauxComptes, comptesActifs);
                ComparerStructures(sts, existants.Structures, rapport, nouveaux);
            }
            DivisionsDesEleves(presents, existants.Structures, rapport, nouveaux);

            rapport.ComptesCrees = nouveauxComptes.Count;
            if (simulation)
            {
                // A preview only counts the accounts: no login reserved, no code made, nothing written.
                return rapport;
            }
            // Every new account is among the candidates prepared.
            crees = nouveauxComptes.Count == 0
                ? []
                : await Comptes.CreerAsync(preparation ?? throw new InvalidOperationException("Comptes non préparés."),
                    [.. nouveauxComptes.Select(c => (c.Prenom, c.Nom, c.Profil, c.Source))], maintenant);
        }
        catch
        {
            // The transaction is rolled back on this connection: the copy lets it go first.
            await copieResponsables.ContinueWith(_ => { }, TaskScheduler.Default);
            throw;
        }
        await copieResponsables;
        for (var i = 0; i < crees.Count; i++)
        {
            nouveauxComptes[i].Lier(crees[i].Utilisateur.Id);
        }
        await EcrireAsync(etablissement.Id, nouveaux, [.. crees.Select(c => c.Utilisateur)], comptesActifs, cancellationToken);
        return rapport;
    }

    /// <summary>The learners and staff of the files the establishment does not know yet: more than will get an account
    /// (leavers, rejected records), never fewer.</summary>
    private static List<(string Prenom, string Nom)> Candidats(IReadOnlyList<Export> exports, Existants existants)
    {
        var apprenants = existants.Apprenants.Select(a => a.EleveId).ToHashSet(StringComparer.Ordinal);
        var personnels = existants.Personnels.Select(p => p.StsId).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. exports.OfType<ExportEleves>().SelectMany(e => e.Eleves).Where(e => !apprenants.Contains(e.EleveId)).Select(e => (e.Prenom, e.Nom)),
            .. exports.OfType<ExportSts>().SelectMany(s => s.Individus).Where(i => !personnels.Contains(i.Id)).Select(i => (i.Prenom, i.Nom)),
        ];
    }

    private void Verifier(Etablissement etablissement, IReadOnlyList<Export> exports)
    {
        if (exports.GroupBy(e => e.Type).FirstOrDefault(g => g.Count() > 1) is { } doublon)
        {
            throw new RequeteInvalideException($"Un seul fichier {doublon.Key} par import : {string.Join(", ", doublon.Select(e => $"« {e.NomFichier} »"))}.");
        }
        var courante = AnneeScolaire(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        foreach (var export in exports.Where(e => e is not ExportNomenclatures || e.Uai is not null))
        {
            if (export.Uai is null || export.Annee is null)
            {
                throw new NonTraitableException($"« {export.NomFichier} » n'indique pas son établissement (UAJ) ou son année scolaire.");
            }
            if (export.Uai != etablissement.Uai)
            {
                throw new NonTraitableException($"« {export.NomFichier} » est l'export de l'établissement {export.Uai}, pas de {etablissement.Uai}.");
            }
            if (export.Annee != courante && export.Annee != courante + 1)
            {
                throw new NonTraitableException(
                    $"« {export.NomFichier} » concerne l'année scolaire {export.Annee}-{export.Annee + 1} : seules l'année en cours ({courante}-{courante + 1}) et la suivante sont acceptées.");
            }
        }
    }

    /// <summary>A school year is named by its first calendar year; it starts in September.</summary>
    public static int AnneeScolaire(DateOnly jour) => jour.Month >= 9 ? jour.Year : jour.Year - 1;

    /// <summary>SIECLE's pseudo-division of the learners who have left.</summary>
    public const string DivisionInactifs = "Inactifs";

    /// <summary>Returns the learners active after the import, whose divisions must exist.</summary>
    private IReadOnlyList<Apprenant> ComparerApprenants(ExportEleves export, IReadOnlyList<Apprenant> lus, RapportImport rapport, Nouveaux nouveaux,
        List<(string, string, string, string, Action<Guid>)> nouveauxComptes, ComptesActifs comptesActifs, DateOnly aujourdhui)
    {
        var compteurs = rapport.Apprenants;
        compteurs.Rejets.AddRange(export.Rejets);
        var ineEnDouble = EnDouble(export.Eleves.Select(e => e.Ine));
        var idEnDouble = EnDouble(export.Eleves.Select(e => e.EleveId));
        var existants = lus.ToDictionary(a => a.EleveId);
        // A record in the file, even rejected, says the learner is still there: only those absent are deactivated.
        var vus = export.Rejets.Select(r => r.Identifiant).ToHashSet();
        foreach (var eleve in export.Eleves)
        {
            vus.Add(eleve.EleveId);
            if (eleve.Ine is not null && ineEnDouble.Contains(eleve.Ine))
            {
                compteurs.Rejets.Add(new FicheSignalee("ELEVE", eleve.EleveId, eleve.NomComplet,
                    $"INE {eleve.Ine} présent sur plusieurs fiches du fichier : aucune n'est importée, l'apprenant reste tel qu'il était."));
                continue;
            }
            if (idEnDouble.Contains(eleve.EleveId))
            {
                compteurs.Rejets.Add(new FicheSignalee("ELEVE", eleve.EleveId, eleve.NomComplet,
                    "ELEVE_ID présent sur plusieurs fiches du fichier : aucune n'est importée, l'apprenant reste tel qu'il était."));
                continue;
            }
            var structures = export.Structures.GetValueOrDefault(eleve.EleveId) ?? new StructuresEleve(null, []);
            var inactifs = string.Equals(structures.Division, DivisionInactifs, StringComparison.OrdinalIgnoreCase);
            var sorti = eleve.DateSortie <= aujourdhui || inactifs;
            if (!existants.TryGetValue(eleve.EleveId, out var apprenant))
            {
                if (sorti)
                {
                    compteurs.Ignores.Add(new FicheSignalee("ELEVE", eleve.EleveId, eleve.NomComplet, inactifs
                        ? $"Sorti, ignoré : placé dans « {DivisionInactifs} » par SIECLE et inconnu de l'établissement, aucun compte n'est créé."
                        : $"Sorti, ignoré : sorti le {eleve.DateSortie:dd/MM/yyyy} et inconnu de l'établissement, aucun compte n'est créé."));
                    continue;
                }
                if (structures.Division is null)
                {
                    rapport.ApprenantsSansDivision++;
                }
                apprenant = new Apprenant { Id = Guid.CreateVersion7(), EleveId = eleve.EleveId, Nom = eleve.Nom, Prenom = eleve.Prenom, Statut = eleve.Statut };
                Remplir(apprenant, eleve, structures.Division, structures.Groupes, true);
                nouveaux.Apprenants.Add(apprenant);
                compteurs.Crees++;
                var cible = apprenant;
                nouveauxComptes.Add((eleve.Prenom, eleve.Nom, eleve.Statut, Utilisateur.SourceSiecle, id => cible.UtilisateurId = id));
                continue;
            }
            if (!sorti && structures.Division is null)
            {
                rapport.ApprenantsSansDivision++;
            }
            // « Inactifs » is no class: a leaver keeps the one they left from.
            var division = inactifs ? apprenant.Division : structures.Division;
            var groupes = inactifs ? apprenant.Groupes : structures.Groupes;
            var etaitActif = apprenant.Actif;
            var modifie = !Identique(apprenant, eleve, division, groupes, !sorti) && Modifier(apprenant, a => Remplir(a, eleve, division, groupes, !sorti));
            Compter(compteurs, modifie, etaitActif, !sorti);
            comptesActifs.Synchroniser(apprenant.UtilisateurId, !sorti);
        }
        foreach (var absent in existants.Values.Where(a => a.Actif && !vus.Contains(a.EleveId)))
        {
            Modifier(absent, a => a.Actif = false);
            compteurs.Desactives++;
            comptesActifs.Synchroniser(absent.UtilisateurId, false);
        }
        _eleves = new HashSet<string>(existants.Keys.Concat(nouveaux.Apprenants.Select(a => a.EleveId)), StringComparer.Ordinal);
        return [.. nouveaux.Apprenants.Concat(existants.Values).Where(a => a.Actif)];
    }

    /// <summary>The values found more than once (a set where GroupBy would make a group per value).</summary>
    private static HashSet<string> EnDouble(IEnumerable<string?> valeurs)
    {
        var vues = new HashSet<string>(StringComparer.Ordinal);
        var doubles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var valeur in valeurs)
        {
            if (valeur is not null && !vues.Add(valeur))
            {
                doubles.Add(valeur);
            }
        }
        return doubles;
    }

    /// <summary>The divisions the learners' file names, created if neither known nor in this import's STS-web file, so they
    /// can be used at once (a subscription to a diploma names them); STS-web completes their label and services later.
    /// Their MEFs are their learners'.</summary>
    private static void DivisionsDesEleves(IReadOnlyList<Apprenant> actifs, IReadOnlyList<Structure> structures, RapportImport rapport, Nouveaux nouveaux)
    {
        var nommees = actifs.Where(a => a.Division is not null).GroupBy(a => a.Division!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(a => a.Mef).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        if (nommees.Count == 0)
        {
            return;
        }
        var connues = structures.Concat(nouveaux.Structures).Where(s => s.Type == Structure.TypeDivision).Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var (code, mefs) in nommees.Where(n => !connues.Contains(n.Key)).OrderBy(n => n.Key, StringComparer.Ordinal))
        {
            nouveaux.Structures.Add(new Structure { Id = Guid.CreateVersion7(), Type = Structure.TypeDivision, Code = code, Appartenances = mefs });
            rapport.Divisions.Crees++;
        }
    }

    /// <summary>Whether <see cref="Remplir(Apprenant, EleveLu, string?, List{string}, bool)"/> would leave every value as it is.</summary>
    private static bool Identique(Apprenant a, EleveLu e, string? division, List<string> groupes, bool actif) =>
        a.Ine == e.Ine && a.Nom == e.Nom && a.Prenom == e.Prenom && a.Prenom2 == e.Prenom2 && a.DateNaissance == e.DateNaissance
        && a.Sexe == e.Sexe && a.Mef == e.Mef && a.Statut == e.Statut && a.Division == division && a.Groupes.SequenceEqual(groupes)
        && a.DateEntree == e.DateEntree && a.DateSortie == e.DateSortie && a.Actif == actif;

    private static void Remplir(Apprenant a, EleveLu e, string? division, List<string> groupes, bool actif)
    {
        a.Ine = e.Ine;
        a.Nom = e.Nom;
        a.Prenom = e.Prenom;
        a.Prenom2 = e.Prenom2;
        a.DateNaissance = e.DateNaissance;
        a.Sexe = e.Sexe;
        a.Mef = e.Mef;
        a.Statut = e.Statut;
        a.Division = division;
        if (!a.Groupes.SequenceEqual(groupes))
        {
            a.Groupes = groupes;
        }
        a.DateEntree = e.DateEntree;
        a.DateSortie = e.DateSortie;
        a.Actif = actif;
    }

    private void ComparerResponsables(ExportResponsables export, IReadOnlyList<Responsable> lus, IReadOnlyList<string> elevesConnus, RapportImport rapport,
        Nouveaux nouveaux)
    {
        var compteurs = rapport.Responsables;
        compteurs.Rejets.AddRange(export.Rejets);
        var existants = lus.ToDictionary(r => r.PersonneId);
        // A guardian is kept for the learners the establishment knows, whether this import brought them or an earlier one
        // (read with the learners' file, when it came with this one).
        var eleves = (_eleves ?? new HashSet<string>(elevesConnus, StringComparer.Ordinal)).GetAlternateLookup<ReadOnlySpan<char>>();
        var vus = new HashSet<string>();
        var ignores = new HashSet<string>();
        foreach (var personne in export.Personnes)
        {
            if (!vus.Add(personne.PersonneId))
            {
                compteurs.Rejets.Add(new FicheSignalee("PERSONNE", personne.PersonneId, personne.NomComplet,
                    "PERSONNE_ID présent sur plusieurs fiches du fichier : fiche écartée, le responsable reste tel qu'il était."));
                continue;
            }
            var tous = export.Liens.GetValueOrDefault(personne.PersonneId) ?? [];
            var liens = LiensConnus(tous, eleves);
            if (liens.Count == 0)
            {
                ignores.Add(personne.PersonneId);
                var ids = string.Join(", ", tous.Select(l => ExportResponsables.EleveDuLien(l).ToString()).Distinct());
                compteurs.Ignores.Add(new FicheSignalee("PERSONNE", personne.PersonneId, personne.NomComplet, ids.Length == 0
                    ? "Responsable d'aucun élève dans le fichier : non importé."
                    : $"Responsable d'élèves inconnus de l'établissement (ELEVE_ID {ids}) : non importé."));
                continue;
            }
            if (!existants.TryGetValue(personne.PersonneId, out var responsable))
            {
                nouveaux.Responsables.Add(new Responsable
                {
                    Id = Guid.CreateVersion7(), PersonneId = personne.PersonneId, Civilite = personne.Civilite,
                    Nom = personne.Nom, Prenom = personne.Prenom, Liens = liens,
                });
                compteurs.Crees++;
                continue;
            }
            var etaitActif = responsable.Actif;
            var identique = responsable.Civilite == personne.Civilite && responsable.Nom == personne.Nom && responsable.Prenom == personne.Prenom
                            && responsable.Liens.SequenceEqual(liens) && responsable.Actif;
            var modifie = !identique && Modifier(responsable, r =>
            {
                r.Civilite = personne.Civilite;
                r.Nom = personne.Nom;
                r.Prenom = personne.Prenom;
                if (!r.Liens.SequenceEqual(liens))
                {
                    r.Liens = liens;
                }
                r.Actif = true;
            });
            Compter(compteurs, modifie, etaitActif, true);
        }
        var rejetes = export.Rejets.Select(r => r.Identifiant).ToHashSet();
        foreach (var absent in existants.Values.Where(r => r.Actif && !rejetes.Contains(r.PersonneId) && (!vus.Contains(r.PersonneId) || ignores.Contains(r.PersonneId))))
        {
            Modifier(absent, r => r.Actif = false);
            compteurs.Desactives++;
        }
    }

    /// <summary>A guardian's links to the learners the establishment knows, sorted, each once. Without LINQ: it runs for
    /// every guardian of the file.</summary>
    private static List<string> LiensConnus(List<string> tous, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> eleves)
    {
        var liens = new List<string>(tous.Count);
        foreach (var lien in tous)
        {
            if (eleves.Contains(ExportResponsables.EleveDuLien(lien)))
            {
                liens.Add(lien);
            }
        }
        liens.Sort(StringComparer.Ordinal);
        var uniques = 0;
        for (var i = 0; i < liens.Count; i++)
        {
            if (uniques == 0 || liens[uniques - 1] != liens[i])
            {
                liens[uniques++] = liens[i];
            }
        }
        liens.RemoveRange(uniques, liens.Count - uniques);
        return liens;
    }

    private void ComparerPersonnels(ExportSts export, IReadOnlyList<Personnel> lus, RapportImport rapport, Nouveaux nouveaux,
        List<(string, string, string, string, Action<Guid>)> nouveauxComptes, ComptesActifs comptesActifs)
    {
        var compteurs = rapport.Personnels;
        compteurs.Rejets.AddRange(export.Rejets);
        var existants = lus.ToDictionary(p => p.StsId);
        var vus = new HashSet<string>();
        foreach (var individu in export.Individus)
        {
            if (!vus.Add(individu.Id))
            {
                compteurs.Rejets.Add(new FicheSignalee("INDIVIDU", individu.Id, individu.NomComplet,
                    "ID présent sur plusieurs fiches du fichier : fiche écartée, la personne reste telle qu'elle était."));
                continue;
            }
            if (!existants.TryGetValue(individu.Id, out var personnel))
            {
                personnel = new Personnel { Id = Guid.CreateVersion7(), StsId = individu.Id, Nom = individu.Nom, Prenom = individu.Prenom };
                Remplir(personnel, individu);
                nouveaux.Personnels.Add(personnel);
                compteurs.Crees++;
                var cible = personnel;
                var profil = individu.Fonction == "DIR" ? Profils.ChefEtablissement : Profils.Enseignant;
                nouveauxComptes.Add((individu.Prenom, individu.Nom, profil, Utilisateur.SourceSts, id => cible.UtilisateurId = id));
                continue;
            }
            var etaitActif = personnel.Actif;
            Compter(compteurs, Modifier(personnel, p => Remplir(p, individu)), etaitActif, true);
            comptesActifs.Synchroniser(personnel.UtilisateurId, true);
        }
        var rejetes = export.Rejets.Select(r => r.Identifiant).ToHashSet();
        foreach (var absent in existants.Values.Where(p => p.Actif && !vus.Contains(p.StsId) && !rejetes.Contains(p.StsId)))
        {
            Modifier(absent, p => p.Actif = false);
            compteurs.Desactives++;
            comptesActifs.Synchroniser(absent.UtilisateurId, false);
        }
    }

    private static void Remplir(Personnel p, IndividuLu i)
    {
        p.Civilite = i.Civilite;
        p.Nom = i.Nom;
        p.Prenom = i.Prenom;
        p.DateNaissance = i.DateNaissance;
        p.Fonction = i.Fonction;
        if (!p.Disciplines.SequenceEqual(i.Disciplines))
        {
            p.Disciplines = i.Disciplines;
        }
        p.Actif = true;
    }

    private void ComparerStructures(ExportSts export, IReadOnlyList<Structure> lues, RapportImport rapport, Nouveaux nouveaux)
    {
        var principaux = export.Individus.SelectMany(i => i.ProfPrincipalDe.Select(code => (code, i.Id)))
            .GroupBy(x => x.code).ToDictionary(g => g.Key, g => g.Select(x => x.Id).Distinct().Order(StringComparer.Ordinal).ToList());
        var existantes = lues.ToDictionary(s => (s.Type, s.Code));
        var vues = new HashSet<(string, string)>();
        foreach (var lue in export.Structures)
        {
            var compteurs = lue.Type == Structure.TypeDivision ? rapport.Divisions : rapport.Groupes;
            if (!vues.Add((lue.Type, lue.Code)))
            {
                compteurs.Rejets.Add(new FicheSignalee(lue.Type == Structure.TypeDivision ? "DIVISION" : "GROUPE", lue.Code, lue.Libelle,
                    "CODE présent sur plusieurs fiches du fichier : fiche écartée."));
                continue;
            }
            var profs = lue.Type == Structure.TypeDivision ? principaux.GetValueOrDefault(lue.Code) ?? [] : [];
            if (!existantes.TryGetValue((lue.Type, lue.Code), out var structure))
            {
                nouveaux.Structures.Add(new Structure
                {
                    Id = Guid.CreateVersion7(), Type = lue.Type, Code = lue.Code, Libelle = lue.Libelle,
                    Appartenances = lue.Appartenances, Services = lue.Services, ProfesseursPrincipaux = profs,
                });
                compteurs.Crees++;
                continue;
            }
            var etaitActive = structure.Actif;
            var modifiee = Modifier(structure, s =>
            {
                s.Libelle = lue.Libelle;
                s.Appartenances = lue.Appartenances;
                s.Services = lue.Services;
                s.ProfesseursPrincipaux = profs;
                s.Actif = true;
            });
            Compter(compteurs, modifiee, etaitActive, true);
        }
        foreach (var absente in existantes.Values.Where(s => s.Actif && !vues.Contains((s.Type, s.Code))))
        {
            Modifier(absente, s => s.Actif = false);
            (absente.Type == Structure.TypeDivision ? rapport.Divisions : rapport.Groupes).Desactives++;
        }
    }

    private void ComparerMefs(IEnumerable<KeyValuePair<string, string>> fichiers, IReadOnlyList<Mef> lus, Nouveaux nouveaux)
    {
        var libelles = new Dictionary<string, string>();
        foreach (var (code, libelle) in fichiers)
        {
            libelles[code] = libelle;
        }
        if (libelles.Count == 0)
        {
            return;
        }
        var existants = lus.ToDictionary(m => m.Code);
        foreach (var (code, libelle) in libelles)
        {
            if (existants.TryGetValue(code, out var mef))
            {
                Modifier(mef, m => m.Libelle = libelle);
            }
            else
            {
                nouveaux.Mefs.Add(new Mef { Id = Guid.CreateVersion7(), Code = code, Libelle = libelle });
            }
        }
    }

    /// <summary>Changes a document read from the store, and stores it (except in a preview) only if it changed, compared
    /// as the store would write it.</summary>
    private bool Modifier<T>(T document, Action<T> modification) where T : notnull
    {
        var avant = _serialiseur.ToJson(document);
        modification(document);
        if (_serialiseur.ToJson(document) == avant)
        {
            return false;
        }
        if (!_simulation)
        {
            _documents.Store(document);
        }
        return true;
    }

    private static void Compter(Compteurs compteurs, bool modifie, bool etaitActif, bool actif)
    {
        if (etaitActif && !actif)
        {
            compteurs.Desactives++;
        }
        else if (modifie)
        {
            compteurs.MisAJour++;
        }
        else
        {
            compteurs.Inchanges++;
        }
    }

    /// <summary>An account follows its person's presence; its login and password never change here. Only the accounts'
    /// state is read, and only those whose state changes are loaded and stored (a deactivated one with a new security
    /// stamp: its sessions end for good).</summary>
    private sealed class ComptesActifs(IReadOnlyList<EtatCompte> etats)
    {
        private readonly Dictionary<Guid, bool> _actuels = etats.ToDictionary(e => e.Id, e => e.Actif);
        private readonly Dictionary<Guid, bool> _voulus = [];

        public void Synchroniser(Guid? id, bool actif)
        {
            if (id is { } cle && _actuels.ContainsKey(cle))
            {
                _voulus[cle] = actif;
            }
        }

        public async Task EcrireAsync(ITenantOperations documents, CancellationToken cancellationToken)
        {
            var changes = _voulus.Where(v => _actuels[v.Key] != v.Value).ToDictionary(v => v.Key, v => v.Value);
            if (changes.Count == 0)
            {
                return;
            }
            foreach (var utilisateur in await documents.LoadManyAsync<Utilisateur>(cancellationToken, changes.Keys))
            {
                var lue = utilisateur.Version;
                utilisateur.Actif = changes[utilisateur.Id];
                if (!utilisateur.Actif)
                {
                    utilisateur.Identifiants.RenouvelerTampon();
                }
                documents.StoreRevision(utilisateur, lue);
            }
        }

    }

    private sealed class EtatCompte
    {
        public Guid Id { get; init; }
        public bool Actif { get; init; }
    }

    /// <summary>Existing documents that changed are already stored in the session; new ones are copied in bulk (the guardians
    /// are, earlier).</summary>
    private async Task EcrireAsync(Guid etablissementId, Nouveaux nouveaux, IReadOnlyList<Utilisateur> utilisateurs, ComptesActifs comptesActifs,
        CancellationToken cancellationToken)
    {
        await comptesActifs.EcrireAsync(_documents, cancellationToken);
        var tenant = UnitOfWork.Tenant(etablissementId);
        await CopieDocuments.CopierAsync(unitOfWork, store, tenant, utilisateurs, u => u.Id, cancellationToken);
        await CopieDocuments.CopierAsync(unitOfWork, store, tenant, nouveaux.Apprenants, a => a.Id, cancellationToken);
        await CopieDocuments.CopierAsync(unitOfWork, store, tenant, nouveaux.Personnels, p => p.Id, cancellationToken);
        await CopieDocuments.CopierAsync(unitOfWork, store, tenant, nouveaux.Structures, s => s.Id, cancellationToken);
        await CopieDocuments.CopierAsync(unitOfWork, store, tenant, nouveaux.Mefs, m => m.Id, cancellationToken);
        // The copies bypass the session, whose commit is all the cache sees.
        unitOfWork.OnCommitted(structures.Oublier);
    }

    /// <summary>What the establishment holds of the kinds the files bring, read in one round trip: learners and their
    /// accounts' states with a learners' file; guardians, and the learners' ids they are linked to, with a guardians' file;
    /// staff, their accounts' states, classes and groups with an STS-web file; classes with a learners' file too (their
    /// divisions are created if unknown); MEFs with an STS-web or nomenclatures file.</summary>
    private sealed record Existants(IReadOnlyList<Apprenant> Apprenants, IReadOnlyList<string> ElevesConnus, IReadOnlyList<Responsable> Responsables,
        IReadOnlyList<Personnel> Personnels, IReadOnlyList<Structure> Structures, IReadOnlyList<Mef> Mefs, IReadOnlyList<EtatCompte> Comptes)
    {
        public static async Task<Existants> LireAsync(IQuerySession documents, HashSet<string?> types, CancellationToken cancellationToken)
        {
            var (eleves, responsables, sts) = (types.Contains("BEE_ELEVES"), types.Contains("BEE_RESPONSABLES"), types.Contains("STS_EDT"));
            var lecture = documents.CreateBatchQuery();
            var apprenants = eleves ? lecture.Query<Apprenant>().ToList() : null;
            var elevesConnus = responsables && !eleves ? lecture.Query<Apprenant>().Select(a => a.EleveId).ToList() : null;
            var tuteurs = responsables ? lecture.Query<Responsable>().ToList() : null;
            var personnels = sts ? lecture.Query<Personnel>().ToList() : null;
            var structures = sts || eleves ? lecture.Query<Structure>().ToList() : null;
            var mefs = sts || types.Contains("BEE_NOMENCLATURES") ? lecture.Query<Mef>().ToList() : null;
            var comptes = eleves || sts ? lecture.Query<Utilisateur>().Select(u => new EtatCompte { Id = u.Id, Actif = u.Actif }).ToList() : null;
            if (new Task?[] { apprenants, elevesConnus, tuteurs, personnels, structures, mefs, comptes }.Any(t => t is not null))
            {
                await lecture.Execute(cancellationToken);
            }
            return new Existants(await Lues(apprenants), await Lues(elevesConnus), await Lues(tuteurs), await Lues(personnels), await Lues(structures),
                await Lues(mefs), await Lues(comptes));
        }

        private static async Task<IReadOnlyList<T>> Lues<T>(Task<IReadOnlyList<T>>? lecture) => lecture is null ? [] : await lecture;
    }

    private sealed class Nouveaux
    {
        public List<Apprenant> Apprenants { get; } = [];
        public List<Responsable> Responsables { get; } = [];
        public List<Personnel> Personnels { get; } = [];
        public List<Structure> Structures { get; } = [];
        public List<Mef> Mefs { get; } = [];
    }
}
