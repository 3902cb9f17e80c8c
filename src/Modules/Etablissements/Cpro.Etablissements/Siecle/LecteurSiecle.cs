using System.Globalization;
using System.Xml;
using Cpro.Kernel.Errors;

namespace Cpro.Etablissements.Siecle;

/// <summary>Reads SIECLE and STS-web exports. Files are attacker-controlled: no DTD, no external entity, a bound on
/// size; a file is recognised by its root element, never its name; records are streamed one element at a time.</summary>
internal static class LecteurSiecle
{
    /// <summary>Parses a file; <paramref name="typeReconnu"/> is told its kind as soon as its root element is read, before
    /// its records are.</summary>
    public static Export Lire(FichierDepose fichier, long tailleMax, Action<string> typeReconnu)
    {
        var nomFichier = fichier.Nom;
        if (Path.GetFileName(nomFichier).StartsWith("emp_sts", StringComparison.OrdinalIgnoreCase))
        {
            throw new RequeteInvalideException(
                $"« {nomFichier} » est un fichier emp_sts, destiné à remonter vers STS-web : importez sts_emp_<UAI>_<année>.xml, exporté de STS-web.");
        }
        var encodage = NatureFichier.Verifier(fichier);
        try
        {
            using var contenu = fichier.Ouvrir();
            // SIECLE's Latin-9 is decoded here (Latin9Encoding): the code pages provider's decoder, which the reader would
            // take, is several times slower.
            using var texte = encodage?.CodePage == Latin9Encoding.CodePageLatin9
                ? new StreamReader(contenu, Latin9Encoding.Instance, detectEncodingFromByteOrderMarks: false, 64 * 1024, leaveOpen: true)
                : null;
            using var reader = texte is null ? XmlReader.Create(contenu, Reglages(tailleMax)) : XmlReader.Create(texte, Reglages(tailleMax));
            reader.MoveToContent();
            Export export = reader.LocalName switch
            {
                "BEE_ELEVES" => new ExportEleves(nomFichier),
                "BEE_RESPONSABLES" => new ExportResponsables(nomFichier),
                "STS_EDT" => new ExportSts(nomFichier),
                "BEE_NOMENCLATURES" => new ExportNomenclatures(nomFichier),
                var racine => throw new RequeteInvalideException(
                    $"« {nomFichier} » n'est pas un export SIECLE ou STS-web reconnu (élément racine <{racine}> ; attendus : BEE_ELEVES, BEE_RESPONSABLES, STS_EDT, BEE_NOMENCLATURES)."),
            };
            typeReconnu(export.Type);
            var fiche = new XmlRecord();
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && Element(export, reader.LocalName))
                {
                    Lire(export, fiche.Read(reader));
                }
                else
                {
                    reader.Read();
                }
            }
            return export;
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.Ordinal))
        {
            throw new RequeteInvalideException($"« {nomFichier} » contient une DTD : les DTD et entités externes sont refusées.");
        }
        catch (XmlException e)
        {
            throw new RequeteInvalideException(
                $"« {nomFichier} » n'est pas un XML bien formé (ligne {e.LineNumber}, colonne {e.LinePosition}) : fichier tronqué ou altéré ?");
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new RequeteInvalideException($"« {nomFichier} » contient des caractères invalides pour l'encodage qu'il déclare.");
        }
        catch (ArgumentException e) when (e.Message.Contains("encoding", StringComparison.OrdinalIgnoreCase))
        {
            throw new RequeteInvalideException($"« {nomFichier} » déclare un encodage inconnu.");
        }
    }

    /// <summary>No DTD, no external entity, a bound on size: files are attacker-controlled.</summary>
    private static XmlReaderSettings Reglages(long tailleMax) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = tailleMax * 2,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    /// <summary>The elements read as a whole; everything else is walked through.</summary>
    private static bool Element(Export export, string nom) => export switch
    {
        ExportEleves => nom is "UAJ" or "ANNEE_SCOLAIRE" or "ELEVE" or "STRUCTURES_ELEVE",
        ExportResponsables => nom is "UAJ" or "ANNEE_SCOLAIRE" or "PERSONNE" or "RESPONSABLE_ELEVE",
        ExportSts => nom is "UAJ" or "ANNEE_SCOLAIRE" or "MEF" or "INDIVIDU" or "DIVISION" or "GROUPE",
        ExportNomenclatures => nom is "UAJ" or "ANNEE_SCOLAIRE" or "MEF",
        _ => false,
    };

    private static void Lire(Export export, RecordNode e)
    {
        switch (e.Name)
        {
            case "UAJ":
                export.Uai = (Attr(e, "CODE") ?? Text(e))?.ToUpperInvariant();
                return;
            case "ANNEE_SCOLAIRE":
                export.Annee = int.TryParse(Attr(e, "ANNEE") ?? Text(e), NumberStyles.None, CultureInfo.InvariantCulture, out var annee) ? annee : null;
                return;
        }
        switch (export)
        {
            case ExportEleves eleves when e.Name == "ELEVE":
                LireEleve(eleves, e);
                break;
            case ExportEleves eleves:
                LireStructuresEleve(eleves, e);
                break;
            case ExportResponsables responsables when e.Name == "PERSONNE":
                LirePersonne(responsables, e);
                break;
            case ExportResponsables responsables:
                LireLien(responsables, e);
                break;
            case ExportSts sts when e.Name == "MEF":
                LireMef(sts.Mefs, e, "CODE");
                break;
            case ExportSts sts when e.Name == "INDIVIDU":
                LireIndividu(sts, e);
                break;
            case ExportSts sts:
                LireStructure(sts, e);
                break;
            case ExportNomenclatures nomenclatures:
                LireMef(nomenclatures.Mefs, e, "CODE_MEF");
                break;
        }
    }

    private static void LireEleve(ExportEleves export, RecordNode e)
    {
        var id = Attr(e, "ELEVE_ID");
        var nom = Text(e, "NOM_USAGE") ?? Text(e, "NOM_DE_FAMILLE");
        var prenom = Text(e, "PRENOM");
        if (id is null || nom is null || prenom is null)
        {
            export.Rejets.Add(new FicheSignalee("ELEVE", id ?? "?", NomComplet(nom, prenom),
                $"Fiche élève sans {Manquants(("ELEVE_ID", id), ("NOM_DE_FAMILLE", nom), ("PRENOM", prenom))} : une fiche doit identifier et nommer l'élève."));
            return;
        }
        if (DateInvalide(e, out var naissance, out var entree, out var sortie) is { } invalide)
        {
            export.Rejets.Add(new FicheSignalee("ELEVE", id, NomComplet(nom, prenom),
                $"{invalide.Element} « {invalide.Valeur} » n'est pas une date valide (format attendu jj/mm/aaaa) : fiche écartée, l'élève reste tel qu'il était."));
            return;
        }
        var sexe = Text(e, "CODE_SEXE") switch { "1" => "M", "2" => "F", _ => null };
        var statut = Text(e, "CODE_STATUT") == "AP" ? Kernel.Identity.Profils.Apprenti : Kernel.Identity.Profils.Eleve;
        export.Eleves.Add(new EleveLu(id, Text(e, "ID_NATIONAL")?.ToUpperInvariant(), nom, prenom, Text(e, "PRENOM2"), naissance, sexe,
            Text(e, "CODE_MEF"), statut, entree, sortie));
    }

    private static void LireStructuresEleve(ExportEleves export, RecordNode e)
    {
        if (Attr(e, "ELEVE_ID") is not { } id)
        {
            return;
        }
        string? division = null;
        var groupes = new List<string>();
        foreach (var structure in e.Elements("STRUCTURE"))
        {
            var code = Text(structure, "CODE_STRUCTURE");
            switch (Text(structure, "TYPE_STRUCTURE"), code)
            {
                case (_, null):
                    break;
                case ("D", _):
                    division = code;
                    break;
                case ("G", _):
                    groupes.Add(code);
                    break;
            }
        }
        groupes.Sort(StringComparer.Ordinal);
        export.Structures[id] = new StructuresEleve(division, groupes);
    }

    private static void LirePersonne(ExportResponsables export, RecordNode e)
    {
        var id = Attr(e, "PERSONNE_ID");
        var nom = Text(e, "NOM_DE_FAMILLE") ?? Text(e, "NOM");
        var prenom = Text(e, "PRENOM");
        if (id is null || nom is null || prenom is null)
        {
            export.Rejets.Add(new FicheSignalee("PERSONNE", id ?? "?", NomComplet(nom, prenom),
                $"Fiche responsable sans {Manquants(("PERSONNE_ID", id), ("NOM_DE_FAMILLE", nom), ("PRENOM", prenom))} : une fiche doit identifier et nommer la personne."));
            return;
        }
        export.Personnes.Add(new PersonneLue(id, Text(e, "LC_CIVILITE"), nom, prenom));
    }

    private static void LireLien(ExportResponsables export, RecordNode e)
    {
        if (Text(e, "ELEVE_ID") is not { } eleve || Text(e, "PERSONNE_ID") is not { } personne)
        {
            return;
        }
        var niveau = Text(e, "NIVEAU_RESPONSABILITE") ?? Text(e, "RESP_LEGAL");
        if (!export.Liens.TryGetValue(personne, out var liens))
        {
            export.Liens[personne] = liens = [];
        }
        liens.Add($"{eleve}:{niveau}:{Text(e, "CODE_PARENTE")}");
    }

    private static void LireMef(Dictionary<string, string> mefs, RecordNode e, string attribut)
    {
        if (Attr(e, attribut) is { } code && (Text(e, "LIBELLE_LONG") ?? Text(e, "LIBELLE_EDITION") ?? Text(e, "LIBELLE_COURT")) is { } libelle)
        {
            mefs[code] = libelle;
        }
    }

    private static void LireIndividu(ExportSts export, RecordNode e)
    {
        var id = Attr(e, "ID");
        var nom = Text(e, "NOM_USAGE") ?? Text(e, "NOM_PATRONYMIQUE");
        var prenom = Text(e, "PRENOM");
        if (id is null || nom is null || prenom is null)
        {
            export.Rejets.Add(new FicheSignalee("INDIVIDU", id ?? "?", NomComplet(nom, prenom),
                $"Fiche personnel sans {Manquants(("ID", id), ("NOM_USAGE", nom), ("PRENOM", prenom))} : une fiche doit identifier et nommer la personne."));
            return;
        }
        DateOnly? naissance = null;
        if (Text(e, "DATE_NAISSANCE") is { } date)
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                export.Rejets.Add(new FicheSignalee("INDIVIDU", id, NomComplet(nom, prenom),
                    $"DATE_NAISSANCE « {date} » n'est pas une date valide (format attendu aaaa-mm-jj) : fiche écartée, la personne reste telle qu'elle était."));
                return;
            }
            naissance = d;
        }
        var disciplines = e.Element("DISCIPLINES")?.Elements("DISCIPLINE").Select(d => Attr(d, "CODE")).OfType<string>().Order(StringComparer.Ordinal).ToList() ?? [];
        var principal = e.Element("PROFS_PRINC")?.Elements("PROF_PRINC").Select(p => Text(p, "CODE_STRUCTURE")).OfType<string>().ToList() ?? [];
        export.Individus.Add(new IndividuLu(id, Text(e, "CIVILITE"), nom, prenom, naissance, Text(e, "FONCTION"), disciplines, principal));
    }

    private static void LireStructure(ExportSts export, RecordNode e)
    {
        if (Attr(e, "CODE") is not { } code)
        {
            return;
        }
        var division = e.Name == "DIVISION";
        var appartenances = division
            ? e.Element("MEFS_APPARTENANCE")?.Elements("MEF").Select(m => Attr(m, "CODE"))
            : e.Element("DIVISIONS_APPARTENANCE")?.Elements("DIVISION_APPARTENANCE").Select(d => Attr(d, "CODE"));
        var services = e.Element("SERVICES")?.Elements("SERVICE").SelectMany(s =>
            s.Element("ENSEIGNANTS")?.Elements("ENSEIGNANT").Select(en => $"{Attr(s, "CODE_MATIERE")}:{Attr(s, "CODE_MOD_COURS")}:{Attr(en, "ID")}") ?? []);
        export.Structures.Add(new StructureLue(division ? Structure.TypeDivision : Structure.TypeGroupe, code, Text(e, "LIBELLE_LONG"),
            appartenances?.OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList() ?? [],
            services?.Distinct().Order(StringComparer.Ordinal).ToList() ?? []));
    }

    /// <summary>The first of the learner's dates that does not read, with its element and text.</summary>
    private static (string Element, string Valeur)? DateInvalide(RecordNode e, out DateOnly? naissance, out DateOnly? entree, out DateOnly? sortie)
    {
        entree = sortie = null;
        if (!DateSiecle(Text(e, "DATE_NAISS"), out naissance))
        {
            return ("DATE_NAISS", Text(e, "DATE_NAISS")!);
        }
        if (!DateSiecle(Text(e, "DATE_ENTREE"), out entree))
        {
            return ("DATE_ENTREE", Text(e, "DATE_ENTREE")!);
        }
        return DateSiecle(Text(e, "DATE_SORTIE"), out sortie) ? null : ("DATE_SORTIE", Text(e, "DATE_SORTIE")!);
    }

    private static string? NomComplet(string? nom, string? prenom) => string.Join(" ", new[] { nom, prenom }.OfType<string>()) is { Length: > 0 } n ? n : null;

    private static string Manquants(params (string Element, string? Valeur)[] champs) =>
        string.Join(" ni ", champs.Where(c => c.Valeur is null).Select(c => c.Element));

    private static bool DateSiecle(string? texte, out DateOnly? date)
    {
        date = null;
        if (texte is null)
        {
            return true;
        }
        if (!DateOnly.TryParseExact(texte, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return false;
        }
        date = d;
        return true;
    }

    private static string? Text(RecordNode e) => e.Value is var v && string.IsNullOrWhiteSpace(v) ? null : v.Trim();

    private static string? Text(RecordNode e, string enfant) => e.Element(enfant) is { } c ? Text(c) : null;

    private static string? Attr(RecordNode e, string nom) => e.Attribute(nom)?.Trim() is { Length: > 0 } v ? v : null;
}
