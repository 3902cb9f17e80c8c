using Microsoft.AspNetCore.Http;

namespace Cpro.Etablissements.Siecle;

/// <summary>One uploaded file of a multipart body, read by one thread while its siblings are read by others. The files of a
/// form are views of one buffered body, and a view refuses to read once another has moved the body's position: each read
/// here opens a view at its own position and reads through it, holding the body's lock from the move to the end of the read.</summary>
internal sealed class ExclusiveReadStream(IFormFile file, object bodyLock) : Stream
{
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => file.Length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        lock (bodyLock)
        {
            // Disposing a view leaves the body open.
            using var view = file.OpenReadStream();
            view.Position = _position;
            var read = view.Read(buffer);
            _position += read;
            return read;
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
