def review_step(ctx):
    pass
