using System.Globalization;
using Carter;
using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Scenarios.Domain;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Scenarios.Features;

/// <summary>Saves cells of a grid at once (all or nothing). A save made from an older version of the grid than the
/// stored one is refused with 409 naming the cells changed since, so nobody overwrites a colleague unknowingly.</summary>
internal static class EnregistrerGrille
{
    internal sealed record Cellule(Guid Apprenant, string Item, string? Valeur, string? Commentaire);

    internal sealed record Command(Guid EvaluationId, int VersionGrille, IReadOnlyList<Cellule> Cellules) : ICommand<Resultat>;

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
        }
    }

    internal sealed class Handler(ScenariosDbContext db, ICurrentUser user, IMediator mediator, TimeProvider clock) : ICommandHandler<Command, Resultat>
    {
        public async ValueTask<Resultat> Handle(Command command, CancellationToken cancellationToken)
        {
            AccesScenarios.Enseignant(user);
            var evaluation = await LireGrille.TrouverAsync(db, command.EvaluationId, cancellationToken);
            var apprenants = evaluation.Apprenants.ToHashSet();
            var items = evaluation.Items.ToHashSet(StringComparer.Ordinal);
            if (command.Cellules.FirstOrDefault(c => !apprenants.Contains(c.Apprenant) || !items.Contains(c.Item)) is { } hors)
            {
                throw new NonTraitableException($"La cellule ({hors.Apprenant}, {hors.Item}) n'appartient pas à cette grille.");
            }
            if (command.VersionGrille != evaluation.VersionGrille)
            {
                throw new ConflitException(await ChangementsAsync(evaluation, command.VersionGrille, cancellationToken));
            }
            var existants = await db.Positionnements.AsNoTracking().Where(p => p.EvaluationId == evaluation.Id)
                .Select(p => new { p.Id, p.ApprenantId, p.Item, p.Niveau, p.Commentaire })
                .ToDictionaryAsync(p => (p.ApprenantId, p.Item), cancellationToken);
            var version = evaluation.VersionGrille + 1;
            var maintenant = clock.GetUtcNow();
            var auteur = user.NomComplet ?? user.Login ?? "";
            var modifiees = 0;
            var nouveaux = new List<(Guid Apprenant, string Item, NiveauMaitrise Niveau, string? Commentaire)>();
            var changes = new List<(Guid Id, NiveauMaitrise Niveau, string? Commentaire)>();
            foreach (var cellule in command.Cellules.DistinctBy(c => (c.Apprenant, c.Item)))
            {
                var niveau = NiveauxMaitrise.Lire(cellule.Valeur)!.Value;
                var commentaire = string.IsNullOrWhiteSpace(cellule.Commentaire) ? null : cellule.Commentaire.Trim();
                if (existants.TryGetValue((cellule.Apprenant, cellule.Item), out var p))
                {
                    if (p.Niveau == niveau && p.Commentaire == commentaire)
                    {
                        continue;
                    }
                    changes.Add((p.Id, niveau, commentaire));
                }
                else if (niveau == NiveauMaitrise.NonEvalue && commentaire is null)
                {
                    continue;
                }
                else
                {
                    nouveaux.Add((cellule.Apprenant, cellule.Item, niveau, commentaire));
                }
                modifiees++;
            }
            if (modifiees == 0)
            {
                return new Resultat(evaluation.VersionGrille, 0);
            }
            evaluation.VersionGrille = version;
            try
            {
                // The version first (the command's transaction holds both): a save that lost the race writes nothing.
                await db.SaveChangesAsync(cancellationToken);
                await EcrireAsync(evaluation, version, maintenant, auteur, changes, nouveaux, cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Saved by someone else between our read and our write: the row's version moved on.
                db.ChangeTracker.Clear();
                throw new ConflitException(await ChangementsAsync(evaluation, command.VersionGrille, cancellationToken));
            }
            return new Resultat(version, modifiees);
        }

        /// <summary>Changed cells in one UPDATE and new ones in one INSERT: a full save is a whole grid (390 cells for
        /// 30 learners × 13 competences), and as tracked entities, one statement each, it cost several times a bare batch
        /// insert of the same rows (docs/benchmarks.md). The rows are those the entities made; the establishment is the
        /// evaluation's, which the query filter made the user's.</summary>
        private async Task EcrireAsync(Evaluation evaluation, int version, DateTimeOffset maintenant, string auteur,
            List<(Guid Id, NiveauMaitrise Niveau, string? Commentaire)> changes,
            List<(Guid Apprenant, string Item, NiveauMaitrise Niveau, string? Commentaire)> nouveaux, CancellationToken cancellationToken)
        {
            if (changes.Count > 0)
            {
                var ids = changes.Select(c => c.Id).ToArray();
                var niveaux = changes.Select(c => (short)c.Niveau).ToArray();
                var commentaires = changes.Select(c => c.Commentaire).ToArray();
                await db.Database.ExecuteSqlAsync($"""
                    UPDATE scenarios."Positionnements" AS p
                    SET "Niveau" = c.niveau, "Commentaire" = c.commentaire, "VersionGrille" = {version}, "ModifieLe" = {maintenant}, "ModifiePar" = {auteur}
                    FROM unnest({ids}, {niveaux}, {commentaires}) AS c(id, niveau, commentaire)
                    WHERE p."Id" = c.id AND p."EvaluationId" = {evaluation.Id}
                    """, cancellationToken);
            }
            if (nouveaux.Count > 0)
            {
                var ids = nouveaux.Select(_ => Guid.NewGuid()).ToArray();
                var apprenants = nouveaux.Select(n => n.Apprenant).ToArray();
                var items = nouveaux.Select(n => n.Item).ToArray();
                // A criterion's code is its competence's code and its rank: « C1.3 » counts for C1.
                var competences = nouveaux.Select(n => evaluation.Mode == Evaluation.ModeCriteres ? n.Item[..n.Item.LastIndexOf('.')] : n.Item).ToArray();
                var niveaux = nouveaux.Select(n => (short)n.Niveau).ToArray();
                var commentaires = nouveaux.Select(n => n.Commentaire).ToArray();
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO scenarios."Positionnements" ("Id", "EtablissementId", "EvaluationId", "ApprenantId", "Item", "Competence", "Niveau",
                        "Commentaire", "Date", "VersionGrille", "ModifieLe", "ModifiePar")
                    SELECT c.id, {evaluation.EtablissementId}, {evaluation.Id}, c.apprenant, c.item, c.competence, c.niveau, c.commentaire,
                        {evaluation.Date}, {version}, {maintenant}, {auteur}
                    FROM unnest({ids}, {apprenants}, {items}, {competences}, {niveaux}, {commentaires}) AS c(id, apprenant, item, competence, niveau, commentaire)
                    """, cancellationToken);
            }
        }

        /// <summary>« La grille a été modifiée depuis votre version : Léa MARTIN – C1 : 3 (par …) ; … ».</summary>
        private async Task<string> ChangementsAsync(Evaluation evaluation, int depuis, CancellationToken cancellationToken)
        {
            var changes = await db.Positionnements.AsNoTracking()
                .Where(p => p.EvaluationId == evaluation.Id && p.VersionGrille > depuis)
                .OrderBy(p => p.ModifieLe).ToListAsync(cancellationToken);
            var noms = (await mediator.Send(new ObtenirApprenants(evaluation.EtablissementId, [.. changes.Select(c => c.ApprenantId).Distinct()]), cancellationToken))
                .ToDictionary(a => a.UtilisateurId, a => $"{a.Prenom} {a.Nom}");
            var liste = changes.Take(20).Select(c =>
                $"{noms.GetValueOrDefault(c.ApprenantId, "?")} – {c.Item} : {c.Niveau.Libelle()} (par {c.ModifiePar}, {c.ModifieLe.ToLocalTime().ToString("HH:mm", CultureInfo.InvariantCulture)})");
            var suite = changes.Count > 20 ? $" ; et {changes.Count - 20} autre(s)" : "";
            return $"La grille a été enregistrée par quelqu'un d'autre depuis que vous l'avez ouverte ; rien de votre saisie n'est enregistré. "
                   + $"Rechargez-la puis saisissez à nouveau. Modifié depuis : {string.Join(" ; ", liste)}{suite}.";
        }
    }

    internal sealed record Corps(int VersionGrille, IReadOnlyList<Cellule> Cellules);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPut("/evaluations/{id:guid}/grille", async (Guid id, Corps corps, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Command(id, corps.VersionGrille, corps.Cellules ?? []), ct)))
                .WithSummary("Enregistrer des cellules de la grille (versionGrille : celle lue, sinon 409)");
    }
}
