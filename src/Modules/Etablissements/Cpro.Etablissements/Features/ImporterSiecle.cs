using System.Text.Json;
using Carter;
using Cpro.Etablissements.Domain;
using Cpro.Etablissements.Siecle;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Http;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace Cpro.Etablissements.Features;

/// <summary>Imports SIECLE (BEE_ELEVES, BEE_RESPONSABLES, BEE_NOMENCLATURES) and STS-web (STS_EDT) exports into an
/// establishment, or only reports what it would do (simulation). One transaction: a bad file leaves nothing written.</summary>
internal static class ImporterSiecle
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal sealed record Command(string Uai, IReadOnlyList<FichierDepose> Fichiers, bool Simulation, long TailleMax) : ICommand<RapportImport>;

    /// <summary>Asked before the request's body is read: whoever may not import never has a file parsed.</summary>
    internal sealed record Autorisation(string Uai) : IQuery<Unit>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Fichiers).NotEmpty()
                .WithName("files")
                .OverridePropertyName("files")
                .WithMessage("Joignez au moins un fichier (ElevesSansAdresses.xml, ResponsablesAvecAdresses.xml, sts_emp_<UAI>_<année>.xml…) dans une partie « files ».");
    }

    internal sealed class Handler(IDocumentSession session, ICurrentUser user, Synchronisation synchronisation, TimeProvider clock)
        : ICommandHandler<Command, RapportImport>
    {
        public async ValueTask<RapportImport> Handle(Command command, CancellationToken cancellationToken)
        {
            var etablissement = await AccesEtablissement.AdministrableAsync(session, user, command.Uai, cancellationToken);
            var rapport = await synchronisation.AppliquerAsync(etablissement, command.Fichiers, command.TailleMax, command.Simulation, cancellationToken);
            if (!command.Simulation)
            {
                rapport.Id = Guid.CreateVersion7();
                session.PourEtablissement(etablissement.Id).Insert(new ImportSiecle
                {
                    Id = rapport.Id.Value,
                    Par = user.Login ?? "",
                    Le = clock.GetUtcNow(),
                    Fichiers = [.. rapport.Fichiers.Select(f => f.Nom)],
                    Rapport = rapport,
                });
            }
            return rapport;
        }
    }

    internal sealed class AutorisationHandler(IQuerySession session, ICurrentUser user) : IQueryHandler<Autorisation, Unit>
    {
        public async ValueTask<Unit> Handle(Autorisation query, CancellationToken cancellationToken)
        {
            await AccesEtablissement.AdministrableAsync(session, user, query.Uai, cancellationToken);
            return Unit.Value;
        }
    }

    /// <summary>Size limit of an import, in bytes: CPRO_IMPORT_MAX_MO megabytes (20 by default).</summary>
    public static long TailleMax(IConfiguration configuration) => configuration.GetValue("CPRO_IMPORT_MAX_MO", 20L) * 1024 * 1024;

    private const int TamponLecture = 64 * 1024;

    /// <summary>Reads the « files » parts within the size limit; over it, 413 before anything is parsed.</summary>
    public static async Task<IReadOnlyList<FichierDepose>> LireFichiersAsync(HttpRequest request, long tailleMax, CancellationToken cancellationToken)
    {
        var message = $"Les fichiers dépassent la taille autorisée ({tailleMax / (1024 * 1024)} Mo).";
        var formulaire = await MultipartForm.ReadAsync(request, tailleMax + 1024 * 1024, message,
            "Envoyez les fichiers en multipart/form-data, chacun dans une partie nommée « files ».", cancellationToken);
        var fichiers = formulaire.Files.GetFiles("files");
        if (fichiers.Sum(f => f.Length) > tailleMax)
        {
            throw new TropVolumineuxException(message);
        }
        // A large upload is buffered in a temporary file whose every read asks the system for the file's length; the XML
        // reader reads 4 kB at a time: read through a larger buffer, or the import spends more time asking than parsing.
        // The files are parsed side by side, from one body.
        var corps = new object();
        return [.. fichiers.Select(f => new FichierDepose(f.FileName, () => new BufferedStream(new ExclusiveReadStream(f, corps), TamponLecture)))];
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/{uai}/imports", async (string uai, bool? simulation, HttpRequest request, IConfiguration configuration,
                    IMediator mediator, CancellationToken ct) =>
                {
                    await mediator.Send(new Autorisation(uai), ct);
                    var tailleMax = TailleMax(configuration);
                    var fichiers = await LireFichiersAsync(request, tailleMax, ct);
                    return TypedResults.Ok(await mediator.Send(new Command(uai, fichiers, simulation == true, tailleMax), ct));
                })
                .Accepts<IFormFileCollection>("multipart/form-data")
                .WithSummary("Importer des exports SIECLE / STS-web (simulation=true : rapport sans rien écrire)");
    }
}
