def total(prices, discount=0):
    if discount < 0:
        raise ValueError("negative discount")
    amount = sum(prices)
    if discount:
        amount = amount * (100 - discount) / 100
    return amount


def describe(prices):
    if not prices:
        return "empty"
    return f"{len(prices)} items"
