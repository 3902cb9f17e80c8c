using Cpro.Kernel.Errors;
using FluentValidation;
using JasperFx;
using Marten.Exceptions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Cpro.Host.Pipeline;

/// <summary>Turns every exception into an RFC 9457 ProblemDetails with a French message; never a stack trace.</summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException e => new ValidationProblemDetails(ValidationErrors.ByField(e))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "La requête contient des erreurs de saisie.",
            },
            IntrouvableException e => Problem(StatusCodes.Status404NotFound, "Ressource introuvable", e.Message),
            ConflitException e => Problem(StatusCodes.Status409Conflict, "Conflit", e.Message),
            InterditException e => Problem(StatusCodes.Status403Forbidden, "Accès refusé", e.Message),
            RequeteInvalideException e => Problem(StatusCodes.Status400BadRequest, "Requête invalide", e.Message),
            TropVolumineuxException e => Problem(StatusCodes.Status413PayloadTooLarge, "Requête trop volumineuse", e.Message),
            NonTraitableException e => Problem(StatusCodes.Status422UnprocessableEntity, "Requête non traitable", e.Message),
            ConcurrencyException => Problem(StatusCodes.Status409Conflict, "Modification concurrente",
                "Ces données ont été modifiées entre-temps par quelqu'un d'autre : rechargez-les puis recommencez."),
            DocumentAlreadyExistsException
                or MartenCommandException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } =>
                Problem(StatusCodes.Status409Conflict, "Conflit", "Ces données existent déjà."),
            AntiforgeryValidationException => Problem(StatusCodes.Status400BadRequest, "Requête invalide",
                "Le formulaire a expiré ou ne provient pas de Cpro : rechargez la page puis recommencez."),
            BadHttpRequestException e => Problem(e.StatusCode, "Requête invalide", e.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => "La requête dépasse la taille autorisée.",
                _ => "Le corps de la requête est illisible ou incomplet (JSON attendu).",
            }),
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "Erreur non gérée sur {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = Problem(StatusCodes.Status500InternalServerError, "Erreur interne",
                "Une erreur inattendue s'est produite. Communiquez l'identifiant de trace au support.");
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };
}
