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
            var existants = await db.Positionnements.Where(p => p.EvaluationId == evaluation.Id)
                .ToDictionaryAsync(p => (p.ApprenantId, p.Item), cancellationToken);
            var version = evaluation.VersionGrille + 1;
            var maintenant = clock.GetUtcNow();
            var auteur = user.NomComplet ?? user.Login ?? "";
            var modifiees = 0;
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
                    p.Niveau = niveau;
                    p.Commentaire = commentaire;
                    p.VersionGrille = version;
                    p.ModifieLe = maintenant;
                    p.ModifiePar = auteur;
                }
                else if (niveau == NiveauMaitrise.NonEvalue && commentaire is null)
                {
                    continue;
                }
                else
                {
                    db.Positionnements.Add(new Positionnement
                    {
                        EvaluationId = evaluation.Id, ApprenantId = cellule.Apprenant, Item = cellule.Item,
                        // A criterion's code is its competence's code and its rank: « C1.3 » counts for C1.
                        Competence = evaluation.Mode == Evaluation.ModeCriteres ? cellule.Item[..cellule.Item.LastIndexOf('.')] : cellule.Item,
                        Niveau = niveau, Commentaire = commentaire, Date = evaluation.Date, VersionGrille = version, ModifieLe = maintenant, ModifiePar = auteur,
                    });
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
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Saved by someone else between our read and our write: the row's version moved on.
                db.ChangeTracker.Clear();
                throw new ConflitException(await ChangementsAsync(evaluation, command.VersionGrille, cancellationToken));
            }
            return new Resultat(version, modifiees);
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
