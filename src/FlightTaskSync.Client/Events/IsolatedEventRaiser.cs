namespace FlightTaskSync.Client.Events;

/// <summary>
/// Raises an event to each handler on its own: a handler that throws is reported and does not
/// keep the others from hearing of a change that is already made, nor fail the work that made it.
/// </summary>
internal static class IsolatedEventRaiser
{
    public static void Raise<TEventArgs>(EventHandler<TEventArgs>? handlers, object? sender, TEventArgs args, Action<Exception> onHandlerFailed)
    {
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<EventHandler<TEventArgs>>())
        {
            try
            {
                handler(sender, args);
            }
            catch (Exception exception)
            {
                onHandlerFailed(exception);
            }
        }
    }
}
