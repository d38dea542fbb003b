using System.Runtime.InteropServices;

namespace Linkage.Output;

/// <summary>
/// Exchanges two folders in one step where the operating system can (Linux <c>renameat2(RENAME_EXCHANGE)</c>):
/// at every instant one of them holds a complete set. Elsewhere the caller falls back to two renames, and the next
/// run repairs the short gap between them (see <see cref="OutputFolder.Recover"/>).
/// </summary>
internal static partial class DirectorySwap
{
    private const int AtCurrentDirectory = -100;
    private const uint RenameExchange = 2;

    /// <summary>Swaps the two folders atomically; false when this system or file system cannot (the caller falls back).</summary>
    public static bool TryExchange(string first, string second)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            if (RenameAt2(AtCurrentDirectory, first, AtCurrentDirectory, second, RenameExchange) == 0)
            {
                return true;
            }
        }
        catch (EntryPointNotFoundException)
        {
            // A C library without renameat2 (before glibc 2.28).
            return false;
        }

        var errno = Marshal.GetLastPInvokeError();

        // EINVAL / ENOSYS / ENOTSUP: the file system or kernel does not support the exchange; anything else is real.
        if (errno is 22 or 38 or 95)
        {
            return false;
        }

        throw new IOException($"Could not move the new outputs into place ({Marshal.GetPInvokeErrorMessage(errno)}).");
    }

    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameAt2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);
}
