using System.Text.Json;
using Carter;
using Cpro.Etablissements.Siecle;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace Cpro.Etablissements.Features;

/// <summary>Imports SIECLE (BEE_ELEVES, BEE_RESPONSABLES, BEE_NOMENCLATURES) and STS-web (STS_EDT) exports into an
/// establishment, or only reports what it would do (simulation). One transaction: a bad file leaves nothing written.</summary>
internal static class ImporterSiecle
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal sealed record Fichier(string Nom, Func<Stream> Ouvrir);

    internal sealed record Command(string Uai, IReadOnlyList<Fichier> Fichiers, bool Simulation, long TailleMax) : ICommand<RapportImport>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Fichiers).NotEmpty()
                .WithName("files")
                .OverridePropertyName("files")
                .WithMessage("Joignez au moins un fichier (ElevesSansAdresses.xml, ResponsablesAvecAdresses.xml, sts_emp_<UAI>_<année>.xml…) dans une partie « files ».");
    }

    internal sealed class Handler(EtablissementsDbContext db, ICurrentUser user, Synchronisation synchronisation, TimeProvider clock)
        : ICommandHandler<Command, RapportImport>
    {
        public async ValueTask<RapportImport> Handle(Command command, CancellationToken cancellationToken)
        {
            var etablissement = await AccesEtablissement.AdministrableAsync(db, user, command.Uai, cancellationToken);
            var exports = command.Fichiers.Select(f =>
            {
                using var contenu = f.Ouvrir();
                return LecteurSiecle.Lire(contenu, f.Nom, command.TailleMax);
            }).ToList();
            var rapport = await synchronisation.AppliquerAsync(etablissement, exports, command.Simulation, cancellationToken);
            if (!command.Simulation)
            {
                db.ImportsSiecle.Add(new ImportSiecle
                {
                    EtablissementId = etablissement.Id,
                    Par = user.Login ?? "",
                    Le = clock.GetUtcNow(),
                    Fichiers = [.. exports.Select(e => e.NomFichier)],
                    Rapport = JsonSerializer.Serialize(rapport, Json),
                });
                await db.SaveChangesAsync(cancellationToken);
            }
            return rapport;
        }
    }

    /// <summary>Size limit of an import, in bytes: CPRO_IMPORT_MAX_MO megabytes (20 by default).</summary>
    public static long TailleMax(IConfiguration configuration) => configuration.GetValue("CPRO_IMPORT_MAX_MO", 20L) * 1024 * 1024;

    /// <summary>Reads the multipart request within the size limit; over it, 413 before anything is parsed.</summary>
    public static async Task<IReadOnlyList<Fichier>> LireFichiersAsync(HttpRequest request, long tailleMax, CancellationToken cancellationToken)
    {
        var message = $"Les fichiers dépassent la taille autorisée ({tailleMax / (1024 * 1024)} Mo).";
        if (request.ContentLength > tailleMax + 1024 * 1024)
        {
            throw new TropVolumineuxException(message);
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limite)
        {
            limite.MaxRequestBodySize = tailleMax + 1024 * 1024;
        }
        if (!request.HasFormContentType)
        {
            throw new RequeteInvalideException("Envoyez les fichiers en multipart/form-data, chacun dans une partie nommée « files ».");
        }
        var formulaire = await request.ReadFormAsync(cancellationToken);
        var fichiers = formulaire.Files.GetFiles("files");
        if (fichiers.Sum(f => f.Length) > tailleMax)
        {
            throw new TropVolumineuxException(message);
        }
        return [.. fichiers.Select(f => new Fichier(f.FileName, f.OpenReadStream))];
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/{uai}/imports", async (string uai, bool? simulation, HttpRequest request, IConfiguration configuration,
                    IMediator mediator, CancellationToken ct) =>
                {
                    var tailleMax = TailleMax(configuration);
                    var fichiers = await LireFichiersAsync(request, tailleMax, ct);
                    return TypedResults.Ok(await mediator.Send(new Command(uai, fichiers, simulation == true, tailleMax), ct));
                })
                .Accepts<IFormFileCollection>("multipart/form-data")
                .WithSummary("Importer des exports SIECLE / STS-web (simulation=true : rapport sans rien écrire)");
    }
}
