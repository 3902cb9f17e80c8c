using System.Globalization;
using Carter;
using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Scenarios.Domain;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Scenarios.Features;

/// <summary>Saves cells of a grid at once (all or nothing): one event on the evaluation's stream, listing each changed
/// cell with its old and new value. A save made from an older version of the grid than the stored one is refused with
/// 409 naming the cells changed since, so nobody overwrites a colleague unknowingly. The same save may fill a whole
/// column or row at once: only its cells still empty once the sent cells are applied get the level.</summary>
internal static class EnregistrerGrille
{
    internal sealed record Cellule(Guid Apprenant, string Item, string? Valeur, string? Commentaire);

    /// <summary>Fill the empty cells of one column (an item) or one row (a learner) with a level.</summary>
    internal sealed record Remplissage(string? Item, Guid? Apprenant, string? Valeur);

    internal sealed record Command(Guid EvaluationId, int VersionGrille, IReadOnlyList<Cellule> Cellules, Remplissage? Remplir = null) : ICommand<Resultat>;

    internal sealed record Resultat(int VersionGrille, int Modifiees);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Cellules).NotNull().WithMessage("Envoyez les cellules de la grille.");
            RuleForEach(c => c.Cellules).Must(c => NiveauxMaitrise.Lire(c.Valeur) is not null)
                .WithMessage((_, c) => $"Valeur « {c.Valeur} » invalide : 1, 2, 3, 4, NE (non évalué) ou ABS (absent).");
            RuleForEach(c => c.Cellules).Must(c => c.Commentaire is null || c.Commentaire.Length <= 1000)
                .WithMessage("Un commentaire ne doit pas dépasser 1 000 caractères.");
            RuleFor(c => c.Remplir!).Must(r => (r.Item is null) != (r.Apprenant is null)).When(c => c.Remplir is not null)
                .WithMessage("Choisissez la colonne ou la ligne à remplir.");
            // Filling with « non évalué » would change nothing.
            RuleFor(c => c.Remplir!.Valeur).Must(v => NiveauxMaitrise.Lire(v) is { } n && n != NiveauMaitrise.NonEvalue).When(c => c.Remplir is not null)
                .OverridePropertyName(nameof(Command.Remplir)).WithMessage("Remplissez avec un degré de 1 à 4 ou ABS (absent).");
        }
    }

    internal sealed class Handler(IDocumentSession session, ICurrentUser user, IMediator mediator, TimeProvider clock) : ICommandHandler<Command, Resultat>
    {
        public async ValueTask<Resultat> Handle(Command command, CancellationToken cancellationToken)
        {
            AccesScenarios.Enseignant(user);
            // The grid and its stream's version in one read, the stream's row locked until the command commits: a colleague
            // saving the same grid meanwhile waits, then reads this save and gets the 409 below naming it. The event is
            // appended from that version, so the store itself refuses a save that would not follow it.
            var flux = await session.Events.FetchForExclusiveWriting<Evaluation>(command.EvaluationId, cancellationToken);
            var evaluation = flux.Aggregate ?? throw new IntrouvableException("Évaluation introuvable.");
            var apprenants = evaluation.Apprenants.ToHashSet();
            var items = evaluation.Items.ToHashSet(StringComparer.Ordinal);
            if (command.Cellules.FirstOrDefault(c => !apprenants.Contains(c.Apprenant) || !items.Contains(c.Item)) is { } hors)
            {
                throw new NonTraitableException($"La cellule ({hors.Apprenant}, {hors.Item}) n'appartient pas à cette grille.");
            }
            if (command.Remplir is { } r && !(r.Item is null ? apprenants.Contains(r.Apprenant!.Value) : items.Contains(r.Item)))
            {
                throw new NonTraitableException(r.Item is null ? "L'apprenant à remplir n'est pas dans cette grille." : $"La colonne {r.Item} n'est pas dans cette grille.");
            }
            if (command.VersionGrille != evaluation.VersionGrille)
            {
                throw new ConflitException(await ChangementsAsync(evaluation, command.VersionGrille, cancellationToken));
            }
            var existantes = evaluation.Cellules.ToDictionary(c => (c.ApprenantId, c.Item));
            var voulues = command.Cellules.DistinctBy(c => (c.Apprenant, c.Item)).ToDictionary(c => (c.Apprenant, c.Item),
                c => (Niveau: NiveauxMaitrise.Lire(c.Valeur)!.Value, Commentaire: string.IsNullOrWhiteSpace(c.Commentaire) ? null : c.Commentaire.Trim()));
            if (command.Remplir is { } remplir)
            {
                Remplir(remplir, evaluation, existantes, voulues);
            }
            var changements = new List<CelluleModifiee>();
            foreach (var ((apprenant, item), (niveau, commentaire)) in voulues)
            {
                if (existantes.TryGetValue((apprenant, item), out var avant))
                {
                    if (avant.Niveau != niveau || avant.Commentaire != commentaire)
                    {
                        changements.Add(new CelluleModifiee(apprenant, item, avant.Niveau, avant.Commentaire, niveau, commentaire));
                    }
                }
                // An empty cell left empty is no positioning.
                else if (niveau != NiveauMaitrise.NonEvalue || commentaire is not null)
                {
                    changements.Add(new CelluleModifiee(apprenant, item, null, null, niveau, commentaire));
                }
            }
            if (changements.Count == 0)
            {
                return new Resultat(evaluation.VersionGrille, 0);
            }
            flux.AppendOne(new GrilleEnregistree(user.UserId!.Value, user.NomComplet ?? user.Login ?? "", clock.GetUtcNow(), changements));
            return new Resultat(evaluation.VersionGrille + 1, changements.Count);
        }

        /// <summary>Each cell of the column or row whose level, as sent or else as stored, is « non évalué » gets the level;
        /// its comment stays. A cell already given a level, even « absent », keeps it.</summary>
        private static void Remplir(Remplissage remplir, Evaluation evaluation, Dictionary<(Guid, string), Positionnement> existantes,
            Dictionary<(Guid, string), (NiveauMaitrise Niveau, string? Commentaire)> voulues)
        {
            var niveau = NiveauxMaitrise.Lire(remplir.Valeur)!.Value;
            var cibles = remplir.Item is { } item ? evaluation.Apprenants.Select(a => (a, item)) : evaluation.Items.Select(i => (remplir.Apprenant!.Value, i));
            foreach (var cle in cibles)
            {
                var (actuel, commentaire) = voulues.TryGetValue(cle, out var voulue) ? voulue
                    : existantes.TryGetValue(cle, out var avant) ? (avant.Niveau, avant.Commentaire) : (NiveauMaitrise.NonEvalue, null);
                if (actuel == NiveauMaitrise.NonEvalue)
                {
                    voulues[cle] = (niveau, commentaire);
                }
            }
        }

        /// <summary>« La grille a été modifiée depuis votre version : Léa MARTIN – C1 : 3 (par …) ; … »: each cell the saves
        /// since that version changed, with its value now, who gave it and when, read from the stream.</summary>
        private async Task<string> ChangementsAsync(Evaluation evaluation, int depuis, CancellationToken cancellationToken)
        {
            // Version n of the grid is the stream's version n + 1 (its creation comes first).
            var evenements = await session.Events.FetchStreamAsync(evaluation.Id, fromVersion: depuis + 2, token: cancellationToken);
            var changes = evenements.Select(e => e.Data).OfType<GrilleEnregistree>()
                .SelectMany(g => g.Cellules.Select(c => (Cellule: c, g.Auteur, g.Le)))
                .GroupBy(c => (c.Cellule.ApprenantId, c.Cellule.Item)).Select(g => g.Last())
                .OrderBy(c => c.Le).ToList();
            var noms = (await mediator.Send(new ObtenirApprenants(AccesScenarios.Etablissement(user), [.. changes.Select(c => c.Cellule.ApprenantId).Distinct()]),
                    cancellationToken))
                .ToDictionary(a => a.UtilisateurId, a => $"{a.Prenom} {a.Nom}");
            var liste = changes.Take(20).Select(c =>
                $"{noms.GetValueOrDefault(c.Cellule.ApprenantId, "?")} – {c.Cellule.Item} : {c.Cellule.Niveau.Libelle()} (par {c.Auteur}, {c.Le.ToLocalTime().ToString("HH:mm", CultureInfo.InvariantCulture)})");
            var suite = changes.Count > 20 ? $" ; et {changes.Count - 20} autre(s)" : "";
            return $"La grille a été enregistrée par quelqu'un d'autre depuis que vous l'avez ouverte ; rien de votre saisie n'est enregistré. "
                   + $"Rechargez-la puis saisissez à nouveau. Modifié depuis : {string.Join(" ; ", liste)}{suite}.";
        }
    }

    internal sealed record Corps(int VersionGrille, IReadOnlyList<Cellule> Cellules, Remplissage? Remplir);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPut("/evaluations/{id:guid}/grille", async (Guid id, Corps corps, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Command(id, corps.VersionGrille, corps.Cellules ?? [], corps.Remplir), ct)))
                .WithSummary("Enregistrer des cellules de la grille (versionGrille : celle lue, sinon 409 ; remplir : les cellules vides d'une colonne ou d'une ligne)");
    }
}
