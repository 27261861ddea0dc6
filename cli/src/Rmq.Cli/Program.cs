using Rmq.Cli;

return await RmqApp.RunAsync(args);
