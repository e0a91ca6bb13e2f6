using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FlightTaskSync.Client.Storage;

/// <summary>
/// SQL prepared straight on a <see cref="SqliteConnection"/>'s handle (inside whatever transaction
/// it has), for the one thing <see cref="SqliteParameter"/> cannot do: bind UTF-8 bytes as TEXT,
/// with no string in between. The text may hold several statements: each is prepared, a value is
/// bound to every statement that names its parameter, and <see cref="Execute"/> runs them in order.
/// Failures throw <see cref="SqliteException"/>, as the provider's own commands do.
/// </summary>
internal sealed class RawStatements : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt[] _statements;

    private RawStatements(sqlite3 database, sqlite3_stmt[] statements)
    {
        _database = database;
        _statements = statements;
    }

    /// <summary>Prepares every statement of <paramref name="sql"/> on the open connection.</summary>
    public static RawStatements Prepare(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(sql);
        var database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var statements = new List<sqlite3_stmt>();
        try
        {
            ReadOnlySpan<byte> rest = Encoding.UTF8.GetBytes(sql);
            while (!rest.Trim(" \t\r\n"u8).IsEmpty)
            {
                var rc = raw.sqlite3_prepare_v2(database, rest, out var statement, out var tail);
                if (rc != raw.SQLITE_OK)
                {
                    statement?.Dispose();
                    SqliteException.ThrowExceptionForRC(rc, database);
                }

                if (statement is null || statement.IsInvalid)
                {
                    // Only a comment was left.
                    statement?.Dispose();
                    break;
                }

                statements.Add(statement);
                rest = tail;
            }
        }
        catch
        {
            statements.ForEach(s => s.Dispose());
            throw;
        }

        return new RawStatements(database, [.. statements]);
    }

    /// <summary>Gives, for each statement, the index of the parameter <paramref name="name"/> (0 where it does not appear).</summary>
    public int[] IndexesOf(string name) => [.. _statements.Select(statement => raw.sqlite3_bind_parameter_index(statement, name))];

    /// <summary>Binds an integer to the parameter <paramref name="name"/> wherever it appears.</summary>
    public void BindInt64(string name, long value) => BindInt64(IndexesOf(name), value);

    /// <summary>Binds an integer.</summary>
    public void BindInt64(int[] indexes, long value)
    {
        for (var i = 0; i < _statements.Length; i++)
        {
            if (indexes[i] > 0)
            {
                Check(raw.sqlite3_bind_int64(_statements[i], indexes[i], value));
            }
        }
    }

    /// <summary>Binds a time as the store keeps it (Unix milliseconds), or NULL.</summary>
    public void BindInt64(int[] indexes, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            BindInt64(indexes, StoredTime.ToStored(time));
        }
        else
        {
            BindNull(indexes);
        }
    }

    /// <summary>Binds a string as TEXT, or NULL.</summary>
    public void BindText(int[] indexes, string? value)
    {
        if (value is null)
        {
            BindNull(indexes);
            return;
        }

        for (var i = 0; i < _statements.Length; i++)
        {
            if (indexes[i] > 0)
            {
                Check(raw.sqlite3_bind_text(_statements[i], indexes[i], value));
            }
        }
    }

    /// <summary>Binds UTF-8 bytes as TEXT (SQLite copies them); the caller vouches that they are UTF-8.</summary>
    public void BindUtf8Text(int[] indexes, ReadOnlySpan<byte> utf8)
    {
        for (var i = 0; i < _statements.Length; i++)
        {
            if (indexes[i] > 0)
            {
                Check(raw.sqlite3_bind_text(_statements[i], indexes[i], utf8));
            }
        }
    }

    /// <summary>
    /// Runs every statement once, in order, with the values bound, handing column
    /// <paramref name="column"/> of each row to <paramref name="read"/> as SQLite holds it (UTF-8
    /// bytes for TEXT, no string made); returns how many rows were read. The values stay bound.
    /// </summary>
    public int ReadColumn(int column, Utf8TextSink read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var rows = 0;
        foreach (var statement in _statements)
        {
            try
            {
                int rc;
                while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
                {
                    // TEXT comes back as it is stored (UTF-8), without conversion.
                    read(raw.sqlite3_column_blob(statement, column));
                    if ((++rows & 4095) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }
                }

                if (rc != raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(rc, _database);
                }
            }
            finally
            {
                raw.sqlite3_reset(statement);
            }
        }

        return rows;
    }

    /// <summary>Runs every statement once, in order, with the values bound; the values stay bound.</summary>
    public void Execute()
    {
        foreach (var statement in _statements)
        {
            try
            {
                int rc;
                while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
                {
                    // A RETURNING clause's rows are not read.
                }

                if (rc != raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(rc, _database);
                }
            }
            finally
            {
                raw.sqlite3_reset(statement);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var statement in _statements)
        {
            statement.Dispose();
        }
    }

    private void BindNull(int[] indexes)
    {
        for (var i = 0; i < _statements.Length; i++)
        {
            if (indexes[i] > 0)
            {
                Check(raw.sqlite3_bind_null(_statements[i], indexes[i]));
            }
        }
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _database);
        }
    }
}
