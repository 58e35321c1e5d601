"""Authentication with login throttling (django-axes) in one backend.

One backend, not axes' standalone backend plus Django's, so ``login(request, user)``
needs no backend argument and ``AUTHENTICATION_BACKENDS[0]`` is a backend that logs users in.
"""

from axes.backends import AxesStandaloneBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class ThrottledModelBackend(AxesStandaloneBackend, ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        # Raises (and so refuses the login) while this username is locked out from this address.
        AxesStandaloneBackend.authenticate(self, request, username=username, password=password, **kwargs)
        return ModelBackend.authenticate(self, request, username=username, password=password, **kwargs)

    def get_user(self, user_id):
        """The signed-in user of each request with their organisation, which staff pages name, in one query."""
        model = get_user_model()
        try:
            user = model._default_manager.select_related("organisation").get(pk=user_id)
        except model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
